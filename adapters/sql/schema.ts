import type { Generated } from 'kysely';

/**
 * The tables as Kysely sees them. Times are epoch milliseconds (bigint in PostgreSQL, integer in SQLite); JSON
 * columns are text, parsed in row-mappers.ts, so both dialects store them the same way.
 */
export interface Database {
  notifications: NotificationTable;
  recipients: RecipientTable;
  conversations: ConversationTable;
  leases: LeaseTable;
}

export interface NotificationTable {
  id: string;
  tenant_id: string;
  title: string;
  card: string;
  /** JSON; the text `null` for a draft with nobody chosen yet. */
  audience: string;
  status: string;
  /** The owner's UPN at the time of writing. */
  created_by: string;
  /** The owner's Entra object id (migration 0005). */
  owner_id: string;
  origin: string;
  /** The author's fields as JSON (tab, compose box); null for a card given whole. */
  content: string | null;
  survey: string | null;
  scheduled_at: number | null;
  time_zone: string | null;
  audience_report: string | null;
  created_at: number;
  updated_at: number;
  started_at: number | null;
  completed_at: number | null;
  edited_at: number | null;
  recalled_at: number | null;
}

export interface RecipientTable {
  id: Generated<number>;
  notification_id: string;
  tenant_id: string;
  user_id: string;
  upn: string;
  display_name: string;
  state: string;
  install_step: string;
  attempts: number;
  next_attempt_at: number;
  reason: string | null;
  last_error: string | null;
  conversation_id: string | null;
  service_url: string | null;
  activity_id: string | null;
  repaired: number;
  followup_status: string | null;
  followup_reason: string | null;
  created_at: number;
  updated_at: number;
  sent_at: number | null;
  /** The first time this person's read receipt covered the card (migration 0006); null: not seen, or not known. */
  seen_at: number | null;
}

export interface ConversationTable {
  tenant_id: string;
  user_id: string;
  conversation_id: string;
  service_url: string;
  source: string;
  updated_at: number;
  /** When Herald last got a read receipt from this chat (migration 0006); null: never, so reading is not known. */
  last_receipt_at: number | null;
}

export interface LeaseTable {
  name: string;
  holder: string;
  expires_at: number;
}

export type SqlDialectName = 'sqlite' | 'postgres';
