import type { RequestHandler } from 'express';
import { z } from 'zod';
import type { EmulatorContext } from '../context';
import type { EmulatedUser } from '../tenant/model';
import { installedForUser } from './conversations';
import { connectorFailures, sendFailure, type ConnectorFailure } from './errors';
import { admit } from './guards';

/** The parts of `ConversationParameters` Teams reads for a 1:1 chat (send-proactive-messages, "Examples"). */
const parametersSchema = z
  .object({
    isGroup: z.boolean().optional(),
    members: z.array(z.object({ id: z.string().min(1) }).passthrough()).min(1),
    tenantId: z.string().optional(),
    channelData: z.object({ tenant: z.object({ id: z.string() }).partial().optional() }).passthrough().optional(),
  })
  .passthrough();

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `POST /v3/conversations`: "creates" the 1:1 chat between the bot and one user. Teams keeps a single personal
 * chat per user and bot, so the answer is always that chat's id; it requires the app installed for the user.
 */
export function createConversationHandler(ctx: EmulatorContext): RequestHandler {
  return (req, res) => {
    const parsed = parametersSchema.safeParse(req.body);
    if (!parsed.success) return sendFailure(res, connectorFailures.badArgument('Invalid conversation parameters: members are required.'));
    const parameters = parsed.data;
    if (parameters.isGroup || parameters.members.length !== 1) {
      return sendFailure(res, connectorFailures.badArgument('Only a one-to-one conversation with a single member can be created.'));
    }
    const tenantFailure = checkTenant(ctx, parameters.channelData?.tenant?.id ?? parameters.tenantId);
    if (tenantFailure) return sendFailure(res, tenantFailure);
    const member = resolveMember(ctx, parameters.members[0]!.id);
    if ('status' in member) return sendFailure(res, member);
    const botAppId = res.locals.botAppId as string;
    const limits = [
      { rule: 'teams.tenant' as const, key: ctx.state.tenantId },
      { rule: 'teams.createConversation' as const, key: member.id },
    ];
    if (!admit(ctx, res, limits)) return;
    if (!installedForUser(ctx, member, botAppId)) return sendFailure(res, connectorFailures.notInstalled());
    const conversation = ctx.state.personalConversation(member.id, botAppId);
    res.status(201).json({ id: conversation.id });
  };
}

function checkTenant(ctx: EmulatorContext, tenantId: string | undefined): ConnectorFailure | undefined {
  if (!tenantId) return connectorFailures.badArgument('Tenant id is required: set channelData.tenant.id.');
  if (tenantId.toLowerCase() !== ctx.state.tenantId) return connectorFailures.badArgument('Invalid tenant id.');
  return undefined;
}

/** The member by Teams id (`29:…`) or Entra object id, as Teams accepts either. */
function resolveMember(ctx: EmulatorContext, id: string): EmulatedUser | ConnectorFailure {
  if (id.startsWith('29:')) {
    const user = ctx.state.usersByTeamsId.get(id);
    // A `29:` id is a pairwise id only this bot can decrypt; Teams words the failure this way.
    if (!user) return connectorFailures.badArgument('Failed to decrypt pairwise id');
    return user;
  }
  const user = GUID.test(id) ? ctx.state.usersById.get(id.toLowerCase()) ?? ctx.state.usersById.get(id) : undefined;
  return user ?? connectorFailures.badArgument('Invalid user identity in provided tenant');
}
