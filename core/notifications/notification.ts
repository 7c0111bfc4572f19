import type { AudienceSpec } from '../audience/audience-spec';
import type { AudienceReport } from '../audience/audience-report';
import type { CardContent } from '../cards/card-content';
import type { AdaptiveCard } from '../cards/card-schema';
import type { Survey } from '../responses/survey';

/**
 * draft → (scheduled) → resolving → sending → completed, or cancelled from any state before completed; a sent
 * notification whose cards were deleted from every chat is `recalled` (nothing more can be done to it but delete).
 * `resolving` also happens in a draft when the author asks for the audience report before sending.
 */
export type NotificationStatus = 'draft' | 'scheduled' | 'resolving' | 'sending' | 'completed' | 'cancelled' | 'recalled';

/** Where a notification was written. */
export type NotificationOrigin = 'tab' | 'cli' | 'compose' | 'survey' | 'api';
export const NOTIFICATION_ORIGINS: readonly NotificationOrigin[] = ['tab', 'cli', 'compose', 'survey', 'api'];

/** Who a notification belongs to: the author's Entra object id, and their UPN when they wrote it. */
export interface Owner {
  id: string;
  upn: string;
}

/** One notification: what was written, to whom, by whom, from where, and where the work stands. */
export interface Notification {
  id: string;
  tenantId: string;
  title: string;
  /** The Adaptive Card recipients get (for a draft written as content, the card that content builds). */
  card: AdaptiveCard;
  /** What the author wrote as fields (tab, compose box); null for a card given whole (a card file). */
  content: CardContent | null;
  /** The survey whose first question `card` is; null for other notifications. */
  survey: Survey | null;
  /** Null only in a draft whose author has not chosen anyone yet. */
  audience: AudienceSpec | null;
  status: NotificationStatus;
  owner: Owner;
  origin: NotificationOrigin;
  /** The owner's UPN at the time (the older name of `owner.upn`). */
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
  /** The last time the sent card was changed in recipients' chats; null when never. */
  editedAt: number | null;
  /** When the sent card was recalled; null when never. */
  recalledAt: number | null;
}

export type NewNotification = Pick<Notification, 'id' | 'tenantId' | 'title' | 'card' | 'audience' | 'createdBy'> &
  Partial<Pick<Notification, 'scheduledAt' | 'timeZone' | 'status' | 'owner' | 'origin' | 'content' | 'survey'>>;
