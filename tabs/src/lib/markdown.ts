import MarkdownIt from 'markdown-it';

/**
 * The Markdown subset Teams renders in a card's TextBlock — **bold**, _italic_, bulleted and numbered lists, links
 * and line breaks — with markdown-it restricted to exactly those rules (raw HTML, headings, images, code and tables
 * off; links to https and mailto only). The emulator's Teams client configures the same library with the same rules
 * (emulator/teams-client/public/cards.js), and tests/tabs/markdown.test.tsx holds both to one table of cases.
 */
export const TEAMS_MARKDOWN_RULES = { block: ['paragraph', 'list'], inline: ['emphasis', 'link', 'newline'] } as const;

const markdown = new MarkdownIt('zero', { html: false, breaks: true, linkify: false })
  .enable([...TEAMS_MARKDOWN_RULES.block, ...TEAMS_MARKDOWN_RULES.inline]);
markdown.validateLink = (url) => /^(https:|mailto:)/i.test(url.trim());
const renderLinkOpen = markdown.renderer.rules.link_open ?? ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
  tokens[index]?.attrSet('target', '_blank');
  tokens[index]?.attrSet('rel', 'noopener noreferrer');
  return renderLinkOpen(tokens, index, options, env, self);
};

/** Author text as the HTML Teams would show; every other character is escaped, so text can never inject markup. */
export function markdownToHtml(text: string): string {
  return markdown.render(text).trim();
}
