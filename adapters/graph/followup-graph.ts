import { z } from 'zod';
import type { ActivityNotification, FollowUpGraphPort, Manager } from '../../core/ports/followup-graph';
import { PlatformError } from '../../core/ports/platform-error';
import type { GraphHttp } from './graph-http';

const managerSchema = z.object({ id: z.string(), displayName: z.string().nullable().optional(), userPrincipalName: z.string().nullable().optional() }).passthrough();

/** Manager look-ups and activity-feed notifications through Microsoft Graph. */
export class GraphFollowUps implements FollowUpGraphPort {
  constructor(private readonly graph: GraphHttp) {}

  async managerOf(userId: string): Promise<Manager | undefined> {
    try {
      const response = await this.graph.request({ method: 'GET', url: `/users/${encodeURIComponent(userId)}/manager?$select=id,displayName,userPrincipalName` });
      const parsed = managerSchema.safeParse(response.body);
      if (!parsed.success) throw new PlatformError('graph', 200, 'UnexpectedResponse', `Graph answered the manager of ${userId} with an unexpected body.`);
      return { id: parsed.data.id, displayName: parsed.data.displayName ?? '', userPrincipalName: parsed.data.userPrincipalName ?? '' };
    } catch (error) {
      // Nobody assigned is Graph's 404 on the single-valued navigation property (the person exists: they got the card).
      if (error instanceof PlatformError && error.status === 404) return undefined;
      throw error;
    }
  }

  async sendActivityNotification(userId: string, notification: ActivityNotification): Promise<void> {
    await this.graph.request({ method: 'POST', url: `/users/${encodeURIComponent(userId)}/teamwork/sendActivityNotification`, body: notification });
  }
}
