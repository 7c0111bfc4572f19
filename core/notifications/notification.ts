import type { AudienceSpec } from '../audience/audience-spec';
import type { AudienceReport } from '../audience/audience-report';
import type { AdaptiveCard } from '../cards/card-schema';

/**
 * draft → (scheduled) → resolving → sending → completed, or cancelled from any state before completed.
 * `resolving` also happens in a draft when the author asks for the audience report before sending.
 */
export type NotificationStatus = 'draft' | 'scheduled' | 'resolving' | 'sending' | 'completed' | 'cancelled';

export interface Notification {
  id: string;
  tenantId: string;
  title: string;
  card: AdaptiveCard;
  audience: AudienceSpec;
  status: NotificationStatus;
  createdBy: string;
  /** When a scheduled notification starts (ms since epoch, UTC). */
  scheduledAt: number | null;
  /** The author's IANA time zone, kept only to show `scheduledAt` as they wrote it. */
  timeZone: string | null;
  /** The last audience resolution's report; null until resolved. */
  audienceReport: AudienceReport | null;
  createdAt: number;
  updatedAt: number;
  startedAt: number | null;
  completedAt: number | null;
}

export type NewNotification = Pick<Notification, 'id' | 'tenantId' | 'title' | 'card' | 'audience' | 'createdBy'> &
  Partial<Pick<Notification, 'scheduledAt' | 'timeZone' | 'status'>>;
