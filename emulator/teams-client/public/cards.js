// Renders Adaptive Cards with Microsoft's renderer (the `AdaptiveCards` global) in a Teams-like light theme.

const HOST_CONFIG = {
  fontFamily: "'Segoe UI', system-ui, sans-serif",
  supportsInteractivity: true,
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#EEEEEE' },
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 300, default: 400, bolder: 600 },
  imageSizes: { small: 32, medium: 52, large: 100 },
  containerStyles: {
    default: {
      backgroundColor: '#FFFFFF',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        dark: { default: '#000000', subtle: '#424242' },
        light: { default: '#484644', subtle: '#8A8886' },
        accent: { default: '#5B5FC7', subtle: '#8B8CC7' },
        good: { default: '#237B4B', subtle: '#92C353' },
        warning: { default: '#C4314B', subtle: '#F8D22A' },
        attention: { default: '#C4314B', subtle: '#D74654' },
      },
    },
    emphasis: { backgroundColor: '#F5F5F5' },
  },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    showCard: { actionMode: 'inline', inlineTopMargin: 16 },
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
  },
  adaptiveCard: { allowCustomStyle: true },
};

/**
 * The Markdown subset Teams renders in TextBlocks — **bold**, _italic_, bulleted and numbered lists, links (https
 * and mailto) and line breaks — with markdown-it (the `markdownit` global) restricted to exactly those rules.
 * Herald's tab preview configures the same library with the same rules; one table of cases checks both.
 */
export const TEAMS_MARKDOWN_RULES = { block: ['paragraph', 'list'], inline: ['emphasis', 'link', 'newline'] };

function teamsMarkdown(markdownit) {
  const md = markdownit('zero', { html: false, breaks: true, linkify: false }).enable([...TEAMS_MARKDOWN_RULES.block, ...TEAMS_MARKDOWN_RULES.inline]);
  md.validateLink = (url) => /^(https:|mailto:)/i.test(url.trim());
  const open = md.renderer.rules.link_open ?? ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
  md.renderer.rules.link_open = (tokens, index, options, env, self) => {
    tokens[index].attrSet('target', '_blank');
    tokens[index].attrSet('rel', 'noopener noreferrer');
    return open(tokens, index, options, env, self);
  };
  return md;
}

let markdown;

/** Author text as the HTML Teams shows; everything else is escaped. */
export function markdownToHtml(text) {
  markdown ??= teamsMarkdown(globalThis.markdownit);
  return markdown.render(String(text)).trim();
}

if (globalThis.AdaptiveCards) {
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = markdownToHtml(text);
    result.didProcess = true;
  };
}

/**
 * Renders `content` into an element. `handlers.execute({ id, verb, data })`, `handlers.submit(data)` and
 * `handlers.openUrl(url)` receive the user's clicks; inputs are already merged into `data` by the renderer.
 */
export function renderCard(content, handlers) {
  const wrapper = document.createElement('div');
  wrapper.className = 'adaptive-card';
  wrapper.dataset.testid = 'adaptive-card';
  if (!globalThis.AdaptiveCards) {
    wrapper.textContent = 'The Adaptive Cards renderer did not load.';
    return wrapper;
  }
  const card = new AdaptiveCards.AdaptiveCard();
  card.hostConfig = new AdaptiveCards.HostConfig(HOST_CONFIG);
  card.onExecuteAction = (action) => {
    const type = action.getJsonTypeName();
    if (type === 'Action.Execute') handlers.execute({ id: action.id, verb: action.verb, data: action.data ?? {} });
    else if (type === 'Action.Submit') handlers.submit(action.data ?? {});
    else if (type === 'Action.OpenUrl') handlers.openUrl(action.url);
  };
  try {
    card.parse(content);
    const rendered = card.render();
    if (rendered) wrapper.append(rendered);
  } catch (error) {
    wrapper.textContent = `This card could not be shown: ${error.message}`;
  }
  return wrapper;
}

/**
 * The `refresh.action` Teams would invoke automatically for this user when showing the card: when the card has
 * one and its `userIds` list the user (by Teams id `29:…` or Entra object id), or lists nobody.
 */
export function automaticRefresh(content, user) {
  const refresh = content?.refresh;
  if (!refresh || refresh.action?.type !== 'Action.Execute') return undefined;
  const userIds = refresh.userIds;
  if (Array.isArray(userIds) && userIds.length > 0 && !userIds.includes(user.teamsUserId) && !userIds.includes(user.id)) return undefined;
  return { id: refresh.action.id, verb: refresh.action.verb, data: refresh.action.data ?? {} };
}
