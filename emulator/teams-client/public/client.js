// The emulated Teams client: pick a user, see their chat with Herald and their teams' channels, live.
import { api, openEvents } from './api.js';
import { renderFeed } from './feed.js';
import { renderMessage } from './messages.js';

const $ = (testId) => document.querySelector(`[data-testid="${testId}"]`);
// `?pane=tab` opens the Herald tab first (links and end-to-end tests).
const view = { user: null, pane: new URL(location.href).searchParams.get('pane') ?? 'chat', conversationId: null, title: '', events: null };

function toast(text, isError = false) {
  const element = $('toast');
  element.textContent = text;
  element.classList.toggle('error', isError);
  element.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => (element.hidden = true), 4000);
}

const session = () => ({ user: view.user, conversationId: view.conversationId, toast });

// ---- user picker ----
let searchTimer;
$('user-search').addEventListener('input', (event) => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => void searchUsers(event.target.value), 150);
});
$('user-search').addEventListener('focus', (event) => void searchUsers(event.target.value));

document.addEventListener('click', (event) => {
  if (!event.target.closest('.user-picker')) $('user-results').hidden = true;
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') $('user-results').hidden = true;
});

async function searchUsers(text) {
  const list = $('user-results');
  const { users } = await api.users(text);
  list.replaceChildren(...users.map((user) => {
    const option = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.testid = 'user-option';
    button.dataset.userId = user.id;
    button.setAttribute('role', 'option');
    button.innerHTML = '<span></span><small></small>';
    button.firstChild.textContent = user.displayName;
    button.lastChild.textContent = `${user.userPrincipalName}${user.heraldInstalled ? ' · Herald installed' : ''}`;
    button.addEventListener('click', () => void selectUser(user));
    option.append(button);
    return option;
  }));
  list.hidden = users.length === 0;
}

async function selectUser(user) {
  view.user = user;
  $('user-results').hidden = true;
  $('user-search').value = '';
  $('current-user').textContent = `Signed in as ${user.displayName}`;
  void showReadReceiptsSetting(user);
  view.events?.close();
  view.events = openEvents(user.id, {
    activity: ({ conversationId, activity }) => {
      if (conversationId === view.conversationId) {
        upsert(activity);
        // The chat is on screen: a new message from Herald is read as it arrives.
        if (view.pane === 'chat' && activity.from === 'bot') markRead();
      }
      // The chat was just created (an install racing the page): load it whole.
      else if (!view.conversationId && view.pane === 'chat') void showChat();
    },
    feed: () => (view.pane === 'activity' ? void showFeed() : bumpBadge()),
    installed: () => view.pane === 'chat' && void showChat(),
    uninstalled: () => view.pane === 'chat' && void showChat(),
  });
  const url = new URL(location.href);
  url.searchParams.set('user', user.id);
  history.replaceState(null, '', url);
  await showPane(view.pane);
}

// ---- panes: Chat and Teams (the rail leaves room for more apps) ----
document.querySelectorAll('.rail-button').forEach((button) => button.addEventListener('click', () => void showPane(button.dataset.pane)));

async function showPane(pane) {
  view.pane = pane;
  document.querySelectorAll('.rail-button').forEach((button) => button.setAttribute('aria-pressed', String(button.dataset.pane === pane)));
  // Apps in the rail draw their own pane (tab-pane.js hosts the Herald tab).
  document.dispatchEvent(new CustomEvent('teams:pane', { detail: { pane, user: view.user } }));
  if (!view.user) return;
  if (pane === 'chat') return showChat();
  if (pane === 'activity') return showFeed();
  if (pane !== 'teams') return;
  const { teams } = await api.teams(view.user.id);
  const list = $('list-pane');
  list.replaceChildren();
  if (teams.length === 0) list.append(paragraph('Not a member of any team.'));
  for (const team of teams) {
    const heading = document.createElement('h2');
    heading.textContent = team.displayName;
    list.append(heading);
    for (const channel of team.channels) {
      list.append(listItem('channel-link', channel.displayName, `${channel.posts} posts`, () => void showChannel(team, channel)));
    }
  }
  clearConversation('Pick a channel');
}

async function showChat() {
  const list = $('list-pane');
  const chat = await api.chat(view.user.id);
  view.user = chat.user;
  list.replaceChildren(listItem('chat-herald', 'Herald', chat.conversationId ? 'Personal chat' : 'Not installed', () => void showChat()));
  list.firstChild.setAttribute('aria-current', 'true');
  view.conversationId = chat.conversationId;
  channelShown(null, null);
  $('content-title').textContent = 'Herald';
  $('install-herald').hidden = chat.user.heraldInstalled;
  $('compose').hidden = !chat.conversationId;
  renderAll(chat.activities, chat.conversationId ? 'No messages yet.' : 'Herald is not installed for this user. Install it to start the chat.');
  if (chat.conversationId && chat.activities.length > 0) markRead();
}

/** Opening the chat reads it; Teams then sends Herald a read receipt when the person and the tenant allow it. */
let readTimer;
function markRead() {
  clearTimeout(readTimer);
  const userId = view.user.id;
  readTimer = setTimeout(() => {
    if (document.visibilityState === 'hidden' || view.user?.id !== userId) return;
    api.readChat(userId).then(
      (outcome) => ($('messages').dataset.readReceipt = outcome.receipt ? outcome.lastReadMessageId : outcome.reason),
      (error) => toast(error.message, true),
    );
  }, 250);
}

// ---- Settings › Privacy › Read receipts ----
async function showReadReceiptsSetting(user) {
  const settings = await api.readReceipts(user.id);
  const box = $('read-receipts-setting');
  box.checked = settings.readReceiptsEnabled;
  // Under the tenant's Everyone or None policy the person cannot change it, as in Teams.
  box.disabled = settings.readReceiptsPolicy !== 'UserPreference';
  box.title = box.disabled ? `Your organisation's policy turns read receipts ${settings.readReceiptsPolicy === 'None' ? 'off' : 'on'} for everyone` : '';
}

$('read-receipts-setting').addEventListener('change', async (event) => {
  try {
    const settings = await api.setReadReceipts(view.user.id, event.target.checked);
    toast(`Read receipts ${settings.readReceiptsEnabled ? 'on' : 'off'}`);
  } catch (error) {
    event.target.checked = !event.target.checked;
    toast(error.message, true);
  }
});

// ---- the activity feed ----
async function showFeed() {
  const { items } = await api.feed(view.user.id);
  const badge = $('activity-badge');
  badge.hidden = true;
  badge.textContent = '';
  clearConversation('Activity');
  renderFeed($('list-pane'), items);
}

function bumpBadge() {
  const badge = $('activity-badge');
  badge.textContent = String(Number(badge.textContent || 0) + 1);
  badge.hidden = false;
}

async function showChannel(team, channel) {
  const { activities } = await api.activities(channel.id);
  view.conversationId = channel.id;
  channelShown(team, channel);
  $('content-title').textContent = `${team.displayName} › ${channel.displayName}`;
  $('install-herald').hidden = true;
  $('compose').hidden = true;
  renderAll(activities, 'No posts in this channel yet.');
}

function clearConversation(title) {
  view.conversationId = null;
  channelShown(null, null);
  $('content-title').textContent = title;
  $('install-herald').hidden = true;
  $('compose').hidden = true;
  renderAll([], '');
}

// ---- messages ----
function renderAll(activities, emptyText) {
  const messages = $('messages');
  messages.replaceChildren(...activities.map((activity) => renderMessage(activity, session())));
  if (activities.length === 0 && emptyText) messages.append(paragraph(emptyText, 'li'));
  messages.scrollTop = messages.scrollHeight;
}

/** A new or changed activity: replaces the one with its id, or is added at the end. */
function upsert(activity) {
  const messages = $('messages');
  messages.querySelector('.empty')?.remove();
  const element = renderMessage(activity, session());
  const existing = messages.querySelector(`[data-activity-id="${CSS.escape(activity.id)}"]`);
  if (existing) existing.replaceWith(element);
  else {
    messages.append(element);
    messages.scrollTop = messages.scrollHeight;
  }
}

$('compose').addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = $('compose-input');
  const text = input.value.trim();
  if (!text || !view.conversationId) return;
  input.value = '';
  try {
    await api.send(view.conversationId, { userId: view.user.id, text });
  } catch (error) {
    toast(error.message, true);
  }
});

$('install-herald').addEventListener('click', async () => {
  try {
    await api.install(view.user.id);
    toast('Herald installed');
    await showChat();
  } catch (error) {
    toast(error.message, true);
  }
});

// The compose box's app actions (compose.js) follow the channel shown.
function channelShown(team, channel) {
  document.dispatchEvent(new CustomEvent('teams:channel', { detail: { user: view.user, team, channel } }));
}

// ---- small builders ----
function listItem(testId, title, subtitle, onClick) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'list-item';
  button.dataset.testid = testId;
  button.innerHTML = '<div></div><small></small>';
  button.firstChild.textContent = title;
  button.lastChild.textContent = subtitle;
  button.addEventListener('click', onClick);
  return button;
}

function paragraph(text, tag = 'p') {
  const element = document.createElement(tag);
  element.className = 'empty';
  element.textContent = text;
  return element;
}

// A `?user=` in the address signs that user in directly (handy for links and end-to-end tests).
const initialUser = new URL(location.href).searchParams.get('user');
if (initialUser) api.chat(initialUser).then((chat) => selectUser(chat.user), (error) => toast(error.message, true));
