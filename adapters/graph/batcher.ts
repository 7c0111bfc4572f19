import type { GraphHttp, GraphRequest, GraphResponse } from './graph-http';
import { graphError } from './graph-http';

const MAX_BATCH = 20;

interface Pending {
  request: GraphRequest;
  resolve(response: GraphResponse): void;
  reject(error: unknown): void;
}

/**
 * Groups Graph requests issued close together into `$batch` calls of up to 20. Each caller still gets its own
 * answer (or its own error, such as an inner 429 with its own Retry-After): batching saves round trips and
 * connections, while every inner request still counts against Graph's limits on its own.
 */
export class GraphBatcher {
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(private readonly http: GraphHttp, private readonly lingerMs = 2) {}

  request(request: GraphRequest): Promise<GraphResponse> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      if (this.queue.length >= MAX_BATCH) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setTimeout(() => this.flush(), this.lingerMs);
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    while (this.queue.length > 0) {
      const chunk = this.queue.splice(0, MAX_BATCH);
      void this.send(chunk);
    }
  }

  private async send(chunk: Pending[]): Promise<void> {
    if (chunk.length === 1) {
      const only = chunk[0]!;
      await this.http.request(only.request).then(only.resolve, only.reject);
      return;
    }
    try {
      const response = await this.http.request({
        method: 'POST',
        url: '/$batch',
        body: {
          requests: chunk.map((pending, index) => ({
            id: String(index + 1),
            method: pending.request.method,
            url: pending.request.url,
            ...(pending.request.body === undefined ? {} : { body: pending.request.body, headers: { 'Content-Type': 'application/json', ...pending.request.headers } }),
            ...(pending.request.body === undefined && pending.request.headers ? { headers: pending.request.headers } : {}),
          })),
        },
      });
      const answers = new Map(((response.body as { responses?: BatchAnswer[] }).responses ?? []).map((answer) => [answer.id, answer]));
      chunk.forEach((pending, index) => {
        const answer = answers.get(String(index + 1));
        if (!answer) return pending.reject(graphError({ status: 502, headers: {}, body: { error: { code: 'BatchAnswerMissing', message: 'Graph left this request out of the $batch answer' } } }));
        const inner: GraphResponse = { status: answer.status, headers: lowerKeys(answer.headers ?? {}), body: answer.body };
        if (answer.status >= 400) pending.reject(graphError(inner));
        else pending.resolve(inner);
      });
    } catch (error) {
      for (const pending of chunk) pending.reject(error);
    }
  }
}

interface BatchAnswer {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]));
}
