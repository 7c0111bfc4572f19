import type { AuditRecord, AuditWriter } from '../audit/audit-writer';
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
  /** Sent recipients not yet seen (receipts known to be on: `seen_at` null, a receipt ever heard), or not acknowledged. */
  reach?: 'not-seen' | 'not-acknowledged';
  afterId: number;
  limit: number;
}

/** Report queries the core Store does not offer: failures grouped by reason, and pages filtered by reason. */
export interface ReportQueries {
  failureReasons(notificationId: string): Promise<Record<string, number>>;
  recipients(notificationId: string, query: RecipientQuery): Promise<Recipient[]>;
  /** Deletes a notification with its recipients and answers (a scratch preview, a deleted notification). */
  discardNotification(id: string): Promise<void>;
}
