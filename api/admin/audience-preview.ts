import { randomUUID } from 'node:crypto';
import type { AudienceSpec } from '../../core/audience/audience-spec';
import { cardContentSchema } from '../../core/cards/card-content';
import { buildCard } from '../../core/cards/card-template';
import type { AudiencePreview } from '../contract/audience';
import type { AdminDeps } from './admin-deps';

/**
 * Resolves an audience without a notification of the author's: a scratch draft, resolved by the engine exactly
 * as a send would (SQL de-duplication, exclusions, guests, the conversation cache), then deleted with its rows.
 * The engine's resolver needs recipient rows to de-duplicate without holding the tenant in memory, hence the draft.
 */
export async function previewAudience(deps: AdminDeps, audience: AudienceSpec, createdBy: string): Promise<AudiencePreview> {
  const id = `preview-${randomUUID()}`;
  const content = cardContentSchema.parse({ title: 'Audience preview' });
  await deps.engine.createNotification({ tenantId: deps.tenantId, title: content.title, card: buildCard(content, { notificationId: id }), audience, createdBy }, id);
  try {
    const report = await deps.engine.previewAudience(id);
    return {
      recipients: report.recipients,
      needInstall: report.needInstall,
      estimatedSeconds: report.estimatedSeconds,
      csvErrors: [
        ...report.csvRejected.map((row) => ({ row: row.row, value: row.value, message: row.reason })),
        ...report.unresolved.filter((entry) => entry.source === 'csv').map((entry) => ({ row: 0, value: entry.value, message: entry.reason })),
      ],
    };
  } finally {
    await deps.admin.reports.discardNotification(id);
  }
}
