/** The emulator's inspection API, as the benchmarks use it. */
export class InspectClient {
  constructor(private readonly inspectUrl: string) {}

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.inspectUrl}${path}`, {
      method,
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
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
