import MarkdownIt from 'markdown-it';
import { markdownToHtml as tabMarkdown, TEAMS_MARKDOWN_RULES as tabRules } from '../../tabs/src/lib/markdown';

/**
 * Finding 4: the preview drew lists the emulator's client showed as "- Free lunch". The tab's preview and the
 * emulator's Teams client (which imports nothing of Herald) configure one library, markdown-it, with the same
 * rules; this one table of cases holds both to the Markdown Teams renders in a TextBlock.
 */
const CASES: [string, string, string][] = [
  ['bold', '**Free** lunch', '<p><strong>Free</strong> lunch</p>'],
  ['italic with underscores', 'See you _soon_', '<p>See you <em>soon</em></p>'],
  ['italic with a star', 'a *quiet* week', '<p>a <em>quiet</em> week</p>'],
  ['a bulleted list', 'Menu:\n\n- Free lunch\n- Cake', '<p>Menu:</p>\n<ul>\n<li>Free lunch</li>\n<li>Cake</li>\n</ul>'],
  ['a numbered list', '1. Sign in\n2. Read', '<ol>\n<li>Sign in</li>\n<li>Read</li>\n</ol>'],
  ['a line break', 'line one\nline two', '<p>line one<br>\nline two</p>'],
  ['an https link', '[Docs](https://contoso.com/docs)', '<p><a href="https://contoso.com/docs" target="_blank" rel="noopener noreferrer">Docs</a></p>'],
  ['a javascript: link is not a link', '[x](javascript:alert(1))', '<p>[x](javascript:alert(1))</p>'],
  ['raw HTML is text', '<script>alert(1)</script>', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'],
  ['a heading is not rendered as one', '# Title', '<p># Title</p>'],
  ['an image is not rendered as one (its link stays a link)', '![x](https://contoso.com/a.png)', '<p>!<a href="https://contoso.com/a.png" target="_blank" rel="noopener noreferrer">x</a></p>'],
  ['code is not rendered', '`code`', '<p>`code`</p>'],
];

describe('one Markdown subset for the preview and the emulator’s Teams client', () => {
  let emulator: { markdownToHtml: (text: string) => string; TEAMS_MARKDOWN_RULES: unknown };
  beforeAll(async () => {
    // The client loads markdown-it as a global script (vendor/markdown-it.min.js), as in the browser.
    (globalThis as { markdownit?: unknown }).markdownit = (options: string, settings: unknown) => new MarkdownIt(options as 'zero', settings as never);
    // @ts-expect-error -- the client's browser module has no type declarations.
    emulator = (await import('../../emulator/teams-client/public/cards.js')) as typeof emulator;
  });

  it('when both are configured, then they enable the same rules', () => {
    expect(emulator.TEAMS_MARKDOWN_RULES).toEqual(tabRules);
  });

  it.each(CASES)('when the text has %s, then both render the same HTML', (_name, text, html) => {
    expect(tabMarkdown(text)).toBe(html);
    expect(emulator.markdownToHtml(text)).toBe(html);
  });
});
