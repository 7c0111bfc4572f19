import { reportSchema, type Report } from '../../../api/contract/notifications';

export interface ReportEventHandlers {
  onProgress(report: Report): void;
  onDone(): void;
}

/** Waits this long before reopening a dropped or refused stream (a restart, a network change). */
const REOPEN_DELAY_MS = 2000;

/**
 * Follows `/api/notifications/:id/events`. Its address holds a single-use ticket, so the browser's own reconnect
 * (which reuses the address) would be refused: on any error we close the stream and open a new one with a fresh
 * ticket after a short delay. Returns the function that stops listening.
 */
export function subscribeToReport(eventsUrl: () => Promise<string>, handlers: ReportEventHandlers, Source: typeof EventSource = EventSource): () => void {
  let source: EventSource | undefined;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const open = async (): Promise<void> => {
    const url = await eventsUrl().catch(() => undefined);
    if (stopped) return;
    if (!url) return void (timer = setTimeout(() => void open(), REOPEN_DELAY_MS));
    source = new Source(url);
    source.addEventListener('progress', (event) => {
      const parsed = reportSchema.safeParse(safeJson((event as MessageEvent<string>).data));
      if (parsed.success) handlers.onProgress(parsed.data);
    });
    source.addEventListener('done', () => handlers.onDone());
    source.onerror = () => {
      if (stopped || !source) return;
      source.close();
      clearTimeout(timer);
      timer = setTimeout(() => void open(), REOPEN_DELAY_MS);
    };
  };

  void open();
  return () => {
    stopped = true;
    clearTimeout(timer);
    source?.close();
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
