import type { LimitRequest, LimitRule } from '../context';
import type { GraphCall } from './types';

/** A throttle counted per app per tenant (the emulator has one app per tenant). */
export function perTenant(call: GraphCall, rule: LimitRule, cost?: number): LimitRequest {
  return cost === undefined ? { rule, key: call.ctx.state.tenantId } : { rule, key: call.ctx.state.tenantId, cost };
}

/**
 * Identity and access reads spend resource units from the tenant's bucket: a collection read costs more than a
 * single object (GET users costs 2 per the throttling-limits page; the other costs are the emulator's choice).
 */
export function directoryCost(cost: number): (call: GraphCall) => LimitRequest[] {
  return (call) => [perTenant(call, 'graph.directory', cost)];
}

/** Any one team: 4 requests per second, whatever the operation. */
export function perTeam(teamId: string): LimitRequest {
  return { rule: 'graph.oneTeam', key: teamId };
}

export const unlimited = (): LimitRequest[] => [];
