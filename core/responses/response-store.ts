import type { CardContent } from '../cards/card-content';
import type { RecipientState } from '../recipients/recipient';
import type { Survey } from './survey';

/** One person's answer to a card: when they acknowledged it and which poll options they chose. */
export interface UserResponse {
  userId: string;
  acknowledgedAt: number | null;
  /** Indexes of the chosen poll options; null when the person has not answered. */
  choices: number[] | null;
}

/** Acknowledgements and poll answers: one row per (notification, user), answers replaced, never added. */
export interface CardResponseStore {
  /** Records the first acknowledgement; a second one keeps the first time. Returns the recorded time. */
  acknowledge(input: { notificationId: string; tenantId: string; userId: string; at: number }): Promise<number>;
  /** Replaces the person's poll answer with `choices`. */
  vote(input: { notificationId: string; tenantId: string; userId: string; choices: number[]; at: number }): Promise<void>;
  /** The person's own answer (never anyone else's). */
  responseOf(notificationId: string, userId: string): Promise<UserResponse | undefined>;
  /** Answers of the given people (the report's page of recipients). */
  responsesOf(notificationId: string, userIds: string[]): Promise<Map<string, UserResponse>>;
  /** Counts per option and the number of people who answered (aggregates only). */
  pollResults(notificationId: string, optionCount: number): Promise<{ counts: number[]; total: number }>;
  acknowledgedCount(notificationId: string): Promise<number>;
  /** The notification one of a user's messages carried (the card's `replyToId`), when Herald sent it. */
  notificationOfActivity(tenantId: string, userId: string, activityId: string): Promise<string | undefined>;
  /**
   * The user's recipient row of the notification, if any: its state and the conversation Herald delivered to
   * (only a person the card was sent to may answer it, and only from that chat).
   */
  recipientOf(notificationId: string, userId: string): Promise<{ state: RecipientState; conversationId: string | null } | undefined>;
}

/** What the author wrote, read from the notification so the bot can rebuild its card per person. */
export interface NotificationContentStore {
  contentOf(notificationId: string): Promise<CardContent | undefined>;
  surveyOf(notificationId: string): Promise<Survey | undefined>;
}

export type WelcomeStatus = 'sent' | 'skipped';

/** Who got the welcome message (at most once each), and whose install was a bulk one. */
export interface WelcomeStore {
  get(tenantId: string, userId: string): Promise<{ status: WelcomeStatus; decidedAt: number } | undefined>;
  /** Marks the welcome as sent unless it already was; true when this caller won and must send it. */
  claim(tenantId: string, userId: string, at: number): Promise<boolean>;
  /** Records that this install was Herald's own bulk install, so its second event sends nothing either. */
  skip(tenantId: string, userId: string, at: number): Promise<void>;
  /** Forgets a claim whose send failed, so the next install tries again. */
  release(tenantId: string, userId: string): Promise<void>;
  /**
   * Whether the engine is installing Herald for this user (a recipient waits for a conversation), or installed it
   * since `since` (Teams' install event can arrive after the engine already found the chat through Graph).
   */
  installedByHerald(tenantId: string, userId: string, since: number): Promise<boolean>;
}

export interface SurveyAnswer {
  notificationId: string;
  userId: string;
  questionIndex: number;
  answer: string;
  answeredAt: number;
}

/** Survey answers and each person's progress through a survey. */
export interface SurveyStore {
  /** Survey notifications sent to the user that they have not begun, newest first, with when each was sent. */
  unstarted(tenantId: string, userId: string): Promise<Array<{ notificationId: string; sentAt: number }>>;
  markStarted(notificationId: string, tenantId: string, userId: string, at: number): Promise<boolean>;
  markCompleted(notificationId: string, userId: string, at: number): Promise<void>;
  recordAnswer(answer: SurveyAnswer & { tenantId: string }): Promise<void>;
  /** Answers of up to `limit` people whose ids sort after `afterUserId` (page by the last id). */
  answersOf(notificationId: string, afterUserId: string, limit: number): Promise<SurveyAnswer[]>;
  completedCount(notificationId: string): Promise<number>;
}

export interface Announcement {
  notificationId: string;
  tenantId: string;
  ownerId: string;
  teamId: string;
  title: string;
}

/** Compose-box announcements that also went to every member: the owner is told when delivery ends. */
export interface AnnouncementStore {
  save(announcement: Announcement, at: number): Promise<void>;
  get(notificationId: string): Promise<Announcement | undefined>;
  /** Claims the summary (once across servers); true when this caller must send it. */
  claimSummary(notificationId: string, at: number): Promise<boolean>;
  /** Announcements whose summary has not been sent. */
  awaitingSummary(limit: number): Promise<Announcement[]>;
}

/** Everything the bot records about people's answers; adapters/sql implements it beside the Store. */
export interface ResponseStore {
  readonly cards: CardResponseStore;
  readonly contents: NotificationContentStore;
  readonly welcomes: WelcomeStore;
  readonly surveys: SurveyStore;
  readonly announcements: AnnouncementStore;
}
