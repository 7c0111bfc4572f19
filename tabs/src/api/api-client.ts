import { z, type ZodType, type ZodTypeDef } from 'zod';
import { auditPageSchema, meSchema, senderSchema, type SenderUpdate } from '../../../api/contract/admin';
import { audiencePreviewSchema, searchResultSchema, type Audience } from '../../../api/contract/audience';
import {
  notificationSchema,
  notificationSummarySchema,
  recipientRowSchema,
  reportSchema,
  type DraftInput,
  type NotificationStatus,
  type RecipientState,
  type SendInput,
} from '../../../api/contract/notifications';
import type { CardContent } from '../../../api/contract/cards';
import { followUpViewSchema, type FollowUpPlanInput } from '../../../api/contract/notifications';
import { reachTimelineSchema, type ReachFilter } from '../../../api/contract/reach';
import { ApiError, errorFromResponse, networkError } from './api-error';

export interface ApiClientOptions {
  getToken: () => Promise<string>;
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Told about every 403, so the app can show whom to ask for access. */
  onForbidden?: (error: ApiError) => void;
}

export interface RecipientQuery {
  state?: RecipientState;
  reason?: string;
  /** Who has not seen or not acknowledged it (refused with 403 where reach is shown in aggregate only to senders). */
  reach?: ReachFilter;
  after?: string;
  limit?: number;
}

const recipientsPage = z.object({ value: z.array(recipientRowSchema), next: z.string().nullable(), perPersonReach: z.boolean().optional() });
const imageAnswer = z.object({ url: z.string() });
const ticketAnswer = z.object({ ticket: z.string().min(1) });
const listOf = <T extends ZodType>(item: T) => z.object({ value: z.array(item) });
const noBody = z.unknown();

/** Every call the tab makes to Herald's API, each answer checked against the shared contract. */
export function createApiClient(options: ApiClientOptions) {
  const base = options.baseUrl ?? '';
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));

  async function send(method: string, path: string, body?: BodyInit, contentType?: string): Promise<Response> {
    const token = await options.getToken();
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
    if (contentType) headers['content-type'] = contentType;
    let response: Response;
    try {
      response = await fetchImpl(`${base}${path}`, { method, headers, body });
    } catch {
      throw networkError();
    }
    if (response.ok) return response;
    const error = await errorFromResponse(response);
    if (error.status === 403) options.onForbidden?.(error);
    throw error;
  }

  async function call<T>(schema: ZodType<T, ZodTypeDef, unknown>, method: string, path: string, json?: unknown): Promise<T> {
    const response = await send(method, path, json === undefined ? undefined : JSON.stringify(json), json === undefined ? undefined : 'application/json');
    if (response.status === 204) return schema.parse(undefined);
    return schema.parse(await response.json());
  }

  const n = (id: string) => `/api/notifications/${encodeURIComponent(id)}`;

  return {
    me: () => call(meSchema, 'GET', '/api/me'),
    listNotifications: (status?: NotificationStatus) =>
      call(listOf(notificationSummarySchema), 'GET', `/api/notifications${status ? `?status=${status}` : ''}`).then((a) => a.value),
    createDraft: (input: DraftInput) => call(notificationSchema, 'POST', '/api/notifications', input),
    getNotification: (id: string) => call(notificationSchema, 'GET', n(id)),
    updateDraft: (id: string, input: DraftInput) => call(notificationSchema, 'PUT', n(id), input),
    deleteNotification: (id: string) => call(noBody, 'DELETE', n(id)).then(() => undefined),
    duplicate: (id: string) => call(notificationSchema, 'POST', `${n(id)}/duplicate`),
    previewAudience: (audience: Audience) => call(audiencePreviewSchema, 'POST', '/api/audience/preview', audience),
    send: (id: string, input: SendInput) => call(notificationSchema, 'POST', `${n(id)}/send`, input),
    cancel: (id: string) => call(notificationSchema, 'POST', `${n(id)}/cancel`),
    resendFailed: (id: string) => call(notificationSchema, 'POST', `${n(id)}/resend-failed`),
    editSent: (id: string, content: CardContent) => call(notificationSchema, 'POST', `${n(id)}/edit`, { content }),
    recall: (id: string) => call(notificationSchema, 'POST', `${n(id)}/recall`),
    followUps: (id: string) => call(followUpViewSchema, 'GET', `${n(id)}/follow-ups`),
    setFollowUps: (id: string, plan: FollowUpPlanInput) => call(followUpViewSchema, 'PUT', `${n(id)}/follow-ups`, plan),
    report: (id: string) => call(reportSchema, 'GET', `${n(id)}/report`),
    reachTimeline: (id: string) => call(reachTimelineSchema, 'GET', `${n(id)}/reach-timeline`),
    recipients: (id: string, query: RecipientQuery) => call(recipientsPage, 'GET', `${n(id)}/recipients${queryString({ ...query })}`),
    search: (q: string, kinds: string[]) =>
      call(listOf(searchResultSchema), 'GET', `/api/search${queryString({ q, kinds: kinds.join(',') })}`).then((a) => a.value),
    uploadImage: async (file: Blob) => imageAnswer.parse(await (await send('POST', '/api/images', file, file.type)).json()),
    senders: () => call(listOf(senderSchema), 'GET', '/api/senders').then((a) => a.value),
    updateSender: (userId: string, update: SenderUpdate) => call(senderSchema, 'PUT', `/api/senders/${encodeURIComponent(userId)}`, update),
    audit: (after?: string) => call(auditPageSchema, 'GET', `/api/audit${queryString({ after, limit: 100 })}`),
    exportCsv: async (id: string) => (await send('GET', `${n(id)}/export.csv`)).blob(),
    /**
     * EventSource cannot send headers: the stream's address carries a short-lived, single-use ticket obtained with
     * the bearer header, never the token itself (an address ends up in proxies' logs).
     */
    eventsUrl: async (id: string) => {
      const { ticket } = await call(ticketAnswer, 'POST', `${n(id)}/events/ticket`);
      return `${base}${n(id)}/events?ticket=${encodeURIComponent(ticket)}`;
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

function queryString(params: Record<string, string | number | undefined>): string {
  const entries = Object.entries(params).filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '');
  return entries.length === 0 ? '' : `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}`;
}

export { ApiError };
