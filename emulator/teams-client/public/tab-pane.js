// The Herald app in the rail: its personal tab in an iframe, hosted by TabHost, and the theme picker that Teams'
// settings would be. client.js announces every pane switch with a `teams:pane` event; this module draws the tab pane.
import { TabHost } from './tab-host.js';

const THEMES = ['default', 'dark', 'contrast'];
const $ = (testId) => document.querySelector(`[data-testid="${testId}"]`);
const page = new URL(location.href);
const state = { host: null, mountedFor: null, theme: initialTheme() };

applyTheme(state.theme);
$('theme-picker').value = state.theme;
$('theme-picker').addEventListener('change', (event) => {
  const theme = THEMES.includes(event.target.value) ? event.target.value : 'default';
  state.theme = theme;
  localStorage.setItem('teams-theme', theme);
  applyTheme(theme);
  state.host?.setTheme(theme);
});

document.addEventListener('teams:pane', (event) => {
  const { pane, user } = event.detail;
  const showing = pane === 'tab';
  document.querySelector('.shell').classList.toggle('hosting-tab', showing);
  $('tab-pane').hidden = !showing;
  if (!showing) return;
  if (!user) return void message('Sign in as someone to open Herald.');
  // Teams reloads a tab for a new user; the same user keeps the open one (and its state), as switching apps does.
  if (state.mountedFor !== user.id) void mount(user);
});

async function mount(user) {
  state.host?.stop();
  state.host = null;
  state.mountedFor = user.id;
  const query = page.searchParams.get('tab') ? `?tab=${encodeURIComponent(page.searchParams.get('tab'))}` : '';
  const response = await fetch(`api/tab${query}`);
  const tab = await response.json().catch(() => ({}));
  if (!response.ok) {
    state.mountedFor = null;
    return void message(tab.error?.message ?? `The tab could not be found (HTTP ${response.status}).`);
  }
  const frame = document.createElement('iframe');
  frame.title = 'Herald';
  frame.dataset.testid = 'hosted-tab';
  frame.className = 'hosted-tab';
  // The sandbox Teams gives tabs (downloads let the report's CSV export save).
  frame.setAttribute('sandbox', 'allow-forms allow-modals allow-popups allow-popups-to-escape-sandbox allow-scripts allow-same-origin allow-downloads');
  const calls = new Set();
  state.host = new TabHost({
    frame,
    tab,
    user,
    theme: state.theme,
    onCall: (func) => {
      calls.add(func);
      // For tests and curious people: which host calls the tab made so far.
      frame.dataset.hostCalls = [...calls].join(' ');
    },
  });
  frame.src = tab.url;
  $('tab-pane').replaceChildren(frame);
}

function message(text) {
  const paragraph = document.createElement('p');
  paragraph.className = 'empty';
  paragraph.textContent = text;
  $('tab-pane').replaceChildren(paragraph);
}

function initialTheme() {
  const asked = page.searchParams.get('theme') ?? localStorage.getItem('teams-theme');
  return THEMES.includes(asked) ? asked : 'default';
}

function applyTheme(theme) {
  document.documentElement.dataset.theme = theme;
}
