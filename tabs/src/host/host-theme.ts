/** The three themes Teams hosts a tab in. */
export type HostTheme = 'default' | 'dark' | 'contrast';

/** Teams names themes `default`, `dark` and `contrast`; anything unknown falls back to the light theme. */
export function toHostTheme(name: string | null | undefined): HostTheme {
  return name === 'dark' || name === 'contrast' ? name : 'default';
}
