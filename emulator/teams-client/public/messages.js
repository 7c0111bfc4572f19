// One message in the conversation view: sender, time, text and its cards, with the card actions wired.
import { api } from './api.js';
import { automaticRefresh, markdownToHtml, renderCard } from './cards.js';

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
/** Cards already refreshed automatically in this page, by message and version, so a refresh happens once. */
const refreshed = new Set();

/**
 * Builds the list item for `activity`. `session` is { user, conversationId, toast(text, isError) }.
 */
export function renderMessage(activity, session) {
  const item = document.createElement('li');
  item.className = `message${activity.from === 'user' ? ' mine' : ''}${activity.deleted ? ' deleted' : ''}`;
  item.dataset.testid = 'message';
  item.dataset.activityId = activity.id;
  item.dataset.from = activity.from;

  const meta = document.createElement('div');
  meta.className = 'message-meta';
  const when = new Date(activity.updatedAt ?? activity.receivedAt).toLocaleTimeString();
  meta.textContent = `${activity.from === 'bot' ? 'Herald' : activity.senderName || 'You'} · ${when}${activity.updatedAt ? ' · Edited' : ''}`;

  const body = document.createElement('div');
  body.className = 'message-body';
  if (activity.deleted) body.textContent = 'This message has been deleted.';
  else if (activity.text) {
    const text = document.createElement('div');
    text.dataset.testid = 'message-text';
    text.innerHTML = markdownToHtml(String(activity.text));
    body.append(text);
  } else if (activity.value && activity.from === 'user') body.textContent = 'Submitted a card.';
  for (const attachment of activity.attachments ?? []) body.append(renderAttachment(attachment, activity, session));
  item.append(meta, body);
  return item;
}

function renderAttachment(attachment, activity, session) {
  if (attachment.contentType !== ADAPTIVE_CARD) {
    const other = document.createElement('pre');
    other.textContent = `${attachment.contentType}\n${JSON.stringify(attachment.content ?? attachment.contentUrl, null, 2)}`;
    return other;
  }
  const slot = document.createElement('div');
  showCard(slot, attachment.content, activity, session);
  const refresh = automaticRefresh(attachment.content, session.user);
  const key = `${activity.id}|${activity.updatedAt ?? ''}`;
  if (refresh && !refreshed.has(key)) {
    refreshed.add(key);
    void execute(slot, refresh, 'automatic', activity, session);
  }
  return slot;
}

function showCard(slot, content, activity, session) {
  const handlers = {
    execute: (action) => execute(slot, action, 'manual', activity, session),
    submit: (data) => submit(data, activity, session),
    openUrl: (url) => window.open(url, '_blank', 'noopener'),
  };
  slot.replaceChildren(renderCard(content, handlers));
}

/** Sends the `adaptiveCard/action` invoke and shows the bot's answer in place of the card, or its error. */
async function execute(slot, action, trigger, activity, session) {
  slot.querySelectorAll('.card-error, .card-notice').forEach((old) => old.remove());
  try {
    const outcome = await api.invoke(session.conversationId, { userId: session.user.id, activityId: activity.id, action, trigger });
    if (outcome.kind === 'card') return showCard(slot, outcome.card, activity, session);
    slot.append(notice(outcome.kind === 'message' ? 'card-notice' : 'card-error', outcome.kind === 'message' ? outcome.text : outcome.message));
  } catch (error) {
    slot.append(notice('card-error', error.message));
  }
}

/** `Action.Submit` in a bot's card: a message activity whose `value` is the data, replying to the card. */
async function submit(data, activity, session) {
  try {
    await api.send(session.conversationId, { userId: session.user.id, value: data, replyToId: activity.id });
  } catch (error) {
    session.toast(error.message, true);
  }
}

function notice(kind, text) {
  const element = document.createElement('div');
  element.className = kind;
  element.dataset.testid = kind;
  element.setAttribute('role', kind === 'card-error' ? 'alert' : 'status');
  element.textContent = text;
  return element;
}
