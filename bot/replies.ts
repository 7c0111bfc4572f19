/** What Herald says when asked for help, and to anything it does not act on. Never echoes anyone's data. */
export const HELP_TEXT = [
  '**Herald** delivers announcements from your organisation straight into this chat.',
  '- Some cards ask you to **acknowledge** them or to answer a **poll**: press the button on the card; it updates to show your answer.',
  '- A **survey** asks its questions here, one at a time: just reply in the chat.',
  '- Team owners can post an **announcement** from the message box of a channel (the Herald **Announce** action), and also send it personally to every member.',
  'Your answers are seen by the sender of the message only. For anything else, contact the person or team who sent the announcement.',
].join('\n');

export const POLITE_TEXT =
  'Thanks for your message. I only deliver announcements, so nobody reads replies here. Type **help** to see what I can do.';

/** `help`, `Help`, `@Herald help`, `help?`… */
export function isHelp(text: string): boolean {
  return /^\s*(help|\?|what is herald\??)\s*[?!.]?\s*$/i.test(text);
}
