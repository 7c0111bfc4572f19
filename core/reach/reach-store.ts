/** One read receipt as Teams sends it to the bot, with who sent it and when Herald got it. */
export interface ReadReceipt {
  tenantId: string;
  /** The reader's Entra object id (`from.aadObjectId`). */
  userId: string;
  /**
   * Their 1:1 conversation with Herald, as the receipt names it (`a:…`). Logged only: Herald may know the same chat
   * by its Graph id (`19:…`), and a person has one 1:1 chat with Herald, so rows are matched by person.
   */
  conversationId: string;
  /** Every bot message whose id is numerically ≤ this one has been read. */
  lastReadMessageId: string;
  /** When Herald received it: the first time a card is covered becomes its `seen_at`. */
  at: number;
}

/** What one receipt changed. */
export interface ReceiptOutcome {
  /** False when Herald has no record of a chat with this person: nothing was changed. */
  knownChat: boolean;
  /** Notifications with a recipient newly seen (the live report is told about each). */
  notificationIds: string[];
  /** How many recipient rows became seen (0 for a repeated or late receipt). */
  marked: number;
}

/** Reach counts of one notification, from its recipient rows. */
export interface ReachCounts {
  /** Recipients whose card was delivered (`sent`). */
  delivered: number;
  /** Delivered and covered by a read receipt. */
  seen: number;
  /** Delivered, not seen, from a person who never sent Herald a read receipt: whether they read it is not known. */
  unknown: number;
}

/** Per bucket since sending: how many were first seen and first acknowledged in it (not cumulative). */
export interface ReachBucket {
  index: number;
  seen: number;
  acknowledged: number;
}

/** Where core keeps reach; adapters/sql implements it beside the recipient rows. */
export interface ReachStore {
  /**
   * Marks, in one statement, every sent recipient row of this person (in their one 1:1 chat) whose activity id is
   * numerically ≤ `lastReadMessageId` and not yet seen, with `at` (the first time is kept, so repeated, late and
   * out-of-order receipts change nothing), and notes that this chat sends receipts.
   */
  recordReceipt(receipt: ReadReceipt): Promise<ReceiptOutcome>;
  /** The same for several receipts in one transaction (one commit), each with its own outcome, in order. */
  recordReceipts(receipts: ReadReceipt[]): Promise<ReceiptOutcome[]>;
  counts(notificationId: string): Promise<ReachCounts>;
  /** First-seen and first-acknowledged counts per `bucketMs` since `since`, buckets with neither left out. */
  buckets(notificationId: string, since: number, bucketMs: number): Promise<ReachBucket[]>;
  /** Deletes per-person reach older than `before` (first-seen times and last-receipt times); returns rows changed. */
  forgetBefore(before: number): Promise<number>;
}
