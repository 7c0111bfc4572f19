import { AdaptiveCard, HostConfig } from 'adaptivecards';
import { useEffect, useMemo, useRef } from 'react';
import type { CardContent } from '../../../../api/contract/cards';
import { buildCard } from '../../../../api/contract/cards';
import { useHost } from '../../host/host-provider';
import { markdownToHtml } from '../../lib/markdown';
import { remainingBytes } from '../../lib/size-budget';
import { cardHostConfig } from '../../theme/card-host-config';

// The renderer leaves Markdown alone unless the host processes it; Teams renders a subset, and so does the preview.
AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = markdownToHtml(text);
  result.didProcess = true;
};

/** Builds the real card (the bot's own template) and renders it with the Adaptive Cards renderer into `ref`. */
export function useCardPreview(content: CardContent) {
  const { theme } = useHost();
  const ref = useRef<HTMLDivElement>(null);
  const card = useMemo(() => buildCard(content, { notificationId: 'preview' }), [content]);
  const remaining = useMemo(() => remainingBytes(card), [card]);

  useEffect(() => {
    const target = ref.current;
    if (!target) return;
    const adaptive = new AdaptiveCard();
    adaptive.hostConfig = new HostConfig(cardHostConfig(theme));
    // The preview is for looking: buttons must not open links or post anything.
    adaptive.onExecuteAction = () => undefined;
    adaptive.parse(card);
    const rendered = adaptive.render();
    // The preview is a picture of the card, not a second form: no tab stops inside it (the renderer makes the card
    // and its buttons focusable), so keyboard users go from the editor straight to the editor's own buttons.
    if (rendered) {
      rendered.removeAttribute('tabindex');
      // The renderer's heading text blocks carry role="heading" without the level ARIA requires; under the
      // preview's own h2 they are level 3.
      rendered.querySelectorAll('[role="heading"]:not([aria-level])').forEach((element) => element.setAttribute('aria-level', '3'));
      rendered.querySelectorAll<HTMLElement>('button, a, input, [tabindex]').forEach((element) => element.setAttribute('tabindex', '-1'));
    }
    target.replaceChildren(...(rendered ? [rendered] : []));
  }, [card, theme]);

  return { ref, remaining };
}
