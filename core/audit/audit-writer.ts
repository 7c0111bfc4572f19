/** One entry of the audit log the tab shows: who did what to what. Never holds tokens or card bodies. */
export interface AuditRecord {
  tenantId: string;
  /** The acting person's Entra object id (or UPN). */
  actor: string;
  /** A stable verb: `notification.send`, `announcement.post`… */
  action: string;
  /** What was acted on: a notification id, `team:{id}`… */
  target: string;
  details?: Record<string, unknown>;
}

/** Where every send, edit, recall, permission change and team announcement is written. */
export interface AuditWriter {
  record(entry: AuditRecord): Promise<void>;
}
