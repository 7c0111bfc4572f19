/** A person's manager as Graph gives it (`GET /users/{id}/manager`). */
export interface Manager {
  id: string;
  displayName: string;
  userPrincipalName: string;
}

/** `POST /users/{id}/teamwork/sendActivityNotification`'s body (userteamwork-sendactivitynotification.md). */
export interface ActivityNotification {
  topic: { source: 'text'; value: string; webUrl: string } | { source: 'entityUrl'; value: string };
  activityType: string;
  previewText: { content: string };
  templateParameters: Array<{ name: string; value: string }>;
  /** A later notification with the same chain id replaces the earlier one in the person's feed. */
  chainId?: number;
}

/**
 * The Graph calls follow-ups make, one request each (rate limiting and retries are the caller's). Throws
 * `PlatformError` on a non-success answer.
 */
export interface FollowUpGraphPort {
  /** The person's manager; undefined when nobody is assigned (Graph's 404). */
  managerOf(userId: string): Promise<Manager | undefined>;
  sendActivityNotification(userId: string, notification: ActivityNotification): Promise<void>;
}
