/** The emulator's inspection API, as the benchmarks use it. */
export class InspectClient {
  constructor(private readonly inspectUrl: string) {}

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const send = () =>
      fetch(`${this.inspectUrl}${path}`, {
        method,
        headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    let response: Response;
    try {
      response = await send();
    } catch (error) {
      // A kept-alive connection the emulator closed while idle (a broadcast can take minutes) fails the next request
      // on it; a read is safe to ask again on a new connection.
      if (method !== 'GET') throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
      response = await send().catch((again: unknown) => {
        throw new Error(`inspection API ${method} ${path} unreachable: ${String((again as { cause?: unknown }).cause ?? again)}`, { cause: again });
      });
    }
    if (!response.ok) throw new Error(`inspection API ${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  summary(): Promise<{ counters: Record<string, number>; throttled: Record<string, number>; faultsInjected: Record<string, number> } & Record<string, unknown>> {
    return this.call('GET', '/summary');
  }

  /** Bot messages per user in their 1:1 chat with Herald. */
  async deliveriesByUser(): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (let skip = 0; ; skip += 5000) {
      const page = await this.call<{ total: number; conversations: Array<{ userId?: string; botSends?: number; activityCount?: number }> }>(
        'GET',
        `/conversations?type=personal&skip=${skip}&top=5000`,
      );
      for (const conversation of page.conversations) {
        if (conversation.userId && (conversation.botSends ?? 0) > 0) counts.set(conversation.userId, conversation.botSends ?? 0);
      }
      if (skip + 5000 >= page.total) return counts;
    }
  }
}
