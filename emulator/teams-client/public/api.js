// The client's calls to the emulator's /teams/api. Every answer is JSON; errors carry { error: { message } }.

async function call(method, path, body) {
  const response = await fetch(`api/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(json.error?.message ?? `HTTP ${response.status}`);
  return json;
}

const id = encodeURIComponent;

export const api = {
  users: (search) => call('GET', `users?search=${id(search)}&top=20`),
  chat: (userId) => call('GET', `users/${id(userId)}/chat`),
  teams: (userId) => call('GET', `users/${id(userId)}/teams`),
  activities: (conversationId) => call('GET', `conversations/${id(conversationId)}/activities`),
  install: (userId) => call('POST', `users/${id(userId)}/install`, {}),
  send: (conversationId, message) => call('POST', `conversations/${id(conversationId)}/messages`, message),
  invoke: (conversationId, request) => call('POST', `conversations/${id(conversationId)}/invoke`, request),
  readChat: (userId) => call('POST', `users/${id(userId)}/chat/read`, {}),
  feed: (userId) => call('GET', `users/${id(userId)}/feed`),
  readReceipts: (userId) => call('GET', `users/${id(userId)}/read-receipts`),
  setReadReceipts: (userId, enabled) => call('PUT', `users/${id(userId)}/read-receipts`, { enabled }),
};

/** Live activity for one user (server-sent events): calls `on[event](data)`. */
export function openEvents(userId, on) {
  const source = new EventSource(`api/events?userId=${id(userId)}`);
  for (const [event, handler] of Object.entries(on)) {
    source.addEventListener(event, (message) => handler(JSON.parse(message.data)));
  }
  return source;
}
