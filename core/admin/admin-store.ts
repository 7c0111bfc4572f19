import type { AudienceSpec } from '../audience/audience-spec';
import type { AuditRecord, AuditWriter } from '../audit/audit-writer';
import type { CardContent } from '../cards/card-content';
import type { Recipient, RecipientState } from '../recipients/recipient';

export type Role = 'admin' | 'sender';
export type AudienceKind = 'user' | 'group' | 'team' | 'csv' | 'everyone';
export const AUDIENCE_KINDS: readonly AudienceKind[] = ['user', 'group', 'team', 'csv', 'everyone'];

/** Someone Herald lets compose and send (a sender), and perhaps manage senders (an admin). */
export interface RoleRecord {
  tenantId: string;
  userId: string;
  upn: string;
  displayName: string;
  role: Role;
  /** The audience kinds this person may send to (admins included: an admin may be kept from `everyone` too). */
  audienceKinds: AudienceKind[];
  updatedBy: string;
  updatedAt: number;
}

export interface RoleStore {
  get(tenantId: string, userId: string): Promise<RoleRecord | undefined>;
  list(tenantId: string): Promise<RoleRecord[]>;
  put(record: RoleRecord): Promise<void>;
  remove(tenantId: string, userId: string): Promise<void>;
}

export interface AuditEntry extends AuditRecord {
  id: number;
  at: number;
}

/** The audit log: every send, schedule, cancel, resend, edit, recall, delete and permission change. */
export interface AuditLog extends AuditWriter {
  /** Newest first; `beforeId` is the last id of the previous page. */
  page(tenantId: string, beforeId: number | undefined, limit: number): Promise<AuditEntry[]>;
}

/** What an author wrote: a draft, or the content and labelled audience of a notification handed to the engine. */
export interface Authored {
  id: string;
  tenantId: string;
  title: string;
  content: CardContent;
  audience: AudienceSpec | null;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
}

export interface AuthoredStore {
  create(record: Authored): Promise<void>;
  get(id: string): Promise<Authored | undefined>;
  update(id: string, patch: Pick<Authored, 'title' | 'content' | 'audience' | 'updatedAt'>): Promise<void>;
  /** Removes the authored row and, when the engine had it, the notification and its recipients. */
  remove(id: string): Promise<void>;
  /** Newest first. */
  list(tenantId: string, limit: number): Promise<Authored[]>;
}

export interface StoredImage {
  id: string;
  tenantId: string;
  contentType: string;
  bytes: Buffer;
  createdBy: string;
  createdAt: number;
}

export interface ImageStore {
  put(image: StoredImage): Promise<void>;
  get(id: string): Promise<StoredImage | undefined>;
}

export interface RecipientQuery {
  state?: RecipientState;
  reason?: string;
  afterId: number;
  limit: number;
}

/** Report queries the core Store does not offer: failures grouped by reason, and pages filtered by reason. */
export interface ReportQueries {
  failureReasons(notificationId: string): Promise<Record<string, number>>;
  recipients(notificationId: string, query: RecipientQuery): Promise<Recipient[]>;
  /** Deletes a notification the engine holds, with its recipients (a scratch preview, a deleted notification). */
  discardNotification(id: string): Promise<void>;
}

export interface AdminStore {
  readonly roles: RoleStore;
  readonly audit: AuditLog;
  readonly authored: AuthoredStore;
  readonly images: ImageStore;
  readonly reports: ReportQueries;
}
