import { tokens } from '@fluentui/react-components';
import type { HostTheme } from '../host/host-theme';

/**
 * The Adaptive Cards host config for the preview. Colours are Fluent's CSS variables, so the card follows whichever
 * Teams theme the FluentProvider above it carries; contrast adds the outlines Teams draws in high contrast.
 */
export function cardHostConfig(theme: HostTheme): Record<string, unknown> {
  const foreground = {
    default: { default: tokens.colorNeutralForeground1, subtle: tokens.colorNeutralForeground3 },
    accent: { default: tokens.colorBrandForegroundLink, subtle: tokens.colorBrandForegroundLinkHover },
    attention: { default: tokens.colorPaletteRedForeground1, subtle: tokens.colorPaletteRedForeground2 },
    good: { default: tokens.colorPaletteGreenForeground1, subtle: tokens.colorPaletteGreenForeground2 },
    warning: { default: tokens.colorPaletteDarkOrangeForeground1, subtle: tokens.colorPaletteDarkOrangeForeground2 },
    dark: { default: tokens.colorNeutralForeground1, subtle: tokens.colorNeutralForeground2 },
    light: { default: tokens.colorNeutralForeground4, subtle: tokens.colorNeutralForegroundDisabled },
  };
  return {
    fontFamily: tokens.fontFamilyBase,
    supportsInteractivity: true,
    spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
    separator: { lineThickness: theme === 'contrast' ? 2 : 1, lineColor: tokens.colorNeutralStroke2 },
    containerStyles: {
      default: { backgroundColor: tokens.colorNeutralBackground1, foregroundColors: foreground },
      emphasis: { backgroundColor: tokens.colorNeutralBackground3, foregroundColors: foreground },
    },
    actions: { maxActions: 10, spacing: 'default', buttonSpacing: 8, showCard: { actionMode: 'inline' }, actionsOrientation: 'horizontal', actionAlignment: 'left' },
  };
}
