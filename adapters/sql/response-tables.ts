/** The bot's tables (migration 0003) as Kysely sees them; joined with the core tables through `withTables`. */
export type ResponseTables = {
  card_responses: { notification_id: string; tenant_id: string; user_id: string; acknowledged_at: number | null; answered_at: number | null; updated_at: number };
  poll_votes: { notification_id: string; user_id: string; option_index: number };
  welcomes: { tenant_id: string; user_id: string; status: string; decided_at: number };
  survey_progress: { notification_id: string; tenant_id: string; user_id: string; started_at: number; completed_at: number | null };
  survey_answers: { notification_id: string; tenant_id: string; user_id: string; question_index: number; answer: string; answered_at: number };
  announcements: { notification_id: string; tenant_id: string; owner_id: string; team_id: string; title: string; created_at: number; summary_sent_at: number | null };
  bot_state: { id: string; data: string; etag: string; updated_at: number };
};
