import type { TurnContext } from 'botbuilder';

/** Who sent this activity, as Herald identifies people: the tenant and the Entra object id. */
export function personOf(context: TurnContext): { tenantId: string; userId: string } | undefined {
  const activity = context.activity;
  const tenantId = (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? activity.conversation?.tenantId;
  const userId = activity.from?.aadObjectId;
  return tenantId && userId ? { tenantId, userId } : undefined;
}
