// The compose box of a team's channel: the app's action command ("Announce") opens a dialog (task module) with
// the app's card, shows the app's message preview, and sends Edit or Send back, as Teams does.
import { renderCard } from './cards.js';

const COMMAND = { id: 'announce', title: 'Announce', icon: '📣' };
const state = { user: null, channel: null, team: null, preview: null };

async function call(path, body) {
  const response = await fetch(`api/compose-extension/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(json.error?.message ?? `HTTP ${response.status}`);
  return json;
}

const request = (extra) => ({ userId: state.user.id, conversationId: state.channel.id, commandId: COMMAND.id, commandContext: 'compose', ...extra });

// ---- the row of app actions under a channel ----
const bar = document.createElement('div');
bar.className = 'compose-apps';
bar.dataset.testid = 'compose-apps';
bar.hidden = true;
const announce = document.createElement('button');
announce.type = 'button';
announce.dataset.testid = 'compose-extension-announce';
announce.textContent = `${COMMAND.icon} ${COMMAND.title}`;
announce.title = 'Herald: announce to this team';
announce.addEventListener('click', () => void open());
bar.append(announce);
document.querySelector('main.content')?.append(bar);

// client.js tells which channel is shown (or none).
document.addEventListener('teams:channel', (event) => {
  const detail = event.detail ?? {};
  Object.assign(state, { user: detail.user ?? null, team: detail.team ?? null, channel: detail.channel ?? null });
  bar.hidden = !state.channel;
});

// ---- the dialog ----
const dialog = document.createElement('dialog');
dialog.className = 'task-dialog';
dialog.dataset.testid = 'task-dialog';
dialog.innerHTML = '<header><h2 data-testid="task-title"></h2><button type="button" aria-label="Close">✕</button></header><div class="task-body" data-testid="task-body"></div><div class="task-footer" data-testid="task-footer" hidden></div>';
dialog.querySelector('header button').addEventListener('click', () => dialog.close());
document.body.append(dialog);
const body = dialog.querySelector('.task-body');
const footer = dialog.querySelector('.task-footer');

async function open() {
  if (!state.channel) return;
  await show(() => call('fetch-task', request({})));
}

/** Runs one invoke and shows what Teams would: a dialog card, a preview, a message, or nothing (closed). */
async function show(invoke) {
  let outcome;
  try {
    outcome = await invoke();
  } catch (error) {
    outcome = { kind: 'error', message: error.message };
  }
  footer.hidden = true;
  footer.replaceChildren();
  if (outcome.kind === 'closed') return dialog.close();
  dialog.querySelector('[data-testid="task-title"]').textContent = outcome.title || COMMAND.title;
  if (outcome.kind === 'task') {
    body.replaceChildren(renderCard(outcome.card, { submit: (data) => void show(() => call('submit-action', request({ data }))), execute: () => undefined, openUrl: (url) => window.open(url, '_blank', 'noopener') }));
  } else if (outcome.kind === 'preview') {
    state.preview = outcome.activity;
    const card = outcome.activity.attachments[0].content;
    body.replaceChildren(renderCard(card, { submit: () => undefined, execute: () => undefined, openUrl: (url) => window.open(url, '_blank', 'noopener') }));
    footer.append(button('preview-edit', 'Edit', false, 'edit'), button('preview-send', 'Send', true, 'send'));
    footer.hidden = false;
  } else {
    const note = document.createElement('p');
    note.dataset.testid = outcome.kind === 'error' ? 'task-error' : 'task-message';
    note.className = outcome.kind === 'error' ? 'card-error' : '';
    note.textContent = outcome.kind === 'error' ? outcome.message : outcome.text;
    body.replaceChildren(note);
  }
  if (!dialog.open) dialog.showModal();
}

function button(testId, label, primary, action) {
  const element = document.createElement('button');
  element.type = 'button';
  element.dataset.testid = testId;
  element.textContent = label;
  if (primary) element.className = 'primary';
  element.addEventListener('click', () => void show(() => call('submit-action', request({ botMessagePreviewAction: action, activityPreview: state.preview }))));
  return element;
}
