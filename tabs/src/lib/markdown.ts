/**
 * The Markdown subset Teams renders in a card's TextBlock (bold, italic, links, bulleted and numbered lists, line
 * breaks), as HTML for the preview. Everything is escaped first, so author text can never inject markup.
 */
export function markdownToHtml(text: string): string {
  const lines = escapeHtml(text).split(/\r?\n/);
  const html: string[] = [];
  let list: 'ul' | 'ol' | undefined;
  for (const line of lines) {
    const item = /^\s*(?:([-*])|\d+\.)\s+(.*)$/.exec(line);
    const kind = item ? (item[1] ? 'ul' : 'ol') : undefined;
    if (list && kind !== list) html.push(`</${list}>`);
    if (kind && kind !== list) html.push(`<${kind}>`);
    list = kind;
    html.push(item ? `<li>${inline(item[2] ?? '')}</li>` : `${inline(line)}<br>`);
  }
  if (list) html.push(`</${list}>`);
  return `<p>${html.join('').replace(/<br>$/, '')}</p>`;
}

function inline(text: string): string {
  return text
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^\w])_(.+?)_(?=[^\w]|$)/g, '$1<em>$2</em>')
    .replace(/(^|[^*])\*([^*]+?)\*/g, '$1<em>$2</em>')
    .replace(/\[([^\]]+)\]\((https:\/\/[^)\s]+)\)/g, '<a href="$2" target="_blank" rel="noopener noreferrer">$1</a>');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
