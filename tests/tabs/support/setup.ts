import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';
import { TextDecoder, TextEncoder } from 'node:util';
import { FakeEventSource } from './fake-event-source';

// jsdom lacks these browser APIs; the tab uses them, so the tests provide them at the boundary.
Object.assign(globalThis, { TextEncoder, TextDecoder, EventSource: FakeEventSource });
// teams-js asks Microsoft's CDN for its list of host origins as it loads; offline, it falls back to its own list.
globalThis.fetch = async () => Promise.reject(new TypeError('offline'));

// jsdom lays nothing out: give scroll containers a size so the virtualised table renders rows.
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 800 });

// Fluent measures some components; jsdom has no layout, so observing sizes is a no-op here.
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

URL.createObjectURL ??= () => 'blob:herald-test';
URL.revokeObjectURL ??= () => undefined;

// Whole-app renders under jsdom are slow on a cold start; the limit is for hangs, not for speed.
jest.setTimeout(30000);
// findBy… waits for debounced work (300–500 ms) on a busy machine; a hang still fails, just later.
configure({ asyncUtilTimeout: 10000 });

afterEach(() => {
  FakeEventSource.reset();
  // The tab keeps its place in the address's fragment; each test starts on a fresh page.
  window.history.replaceState(null, '', '/');
});
