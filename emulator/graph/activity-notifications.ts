import { z } from 'zod';
import type { LimitRequest } from '../context';
import type { ActivityTypeDeclaration, EmulatedCatalogApp } from '../tenant/model';
import type { Installation } from '../tenant/state';
import { rolesOf } from './auth';
import { badRequest, GraphError } from './errors';
import { perTenant } from './limits';
import { ACTIVITY_SEND_ROLES, ACTIVITY_SEND_RSC } from './permissions';
import { findTeamsUserOr404 } from './teams-users';
import type { GraphCall, GraphResult, GraphRoute } from './types';

/** The reserved type that needs no declaration in the manifest and shows free text (`systemDefaultText`). */
const SYSTEM_DEFAULT = 'systemDefault';
/** Teams shows only the first 150 characters of the preview text. */
const PREVIEW_SHOWN = 150;

const Topic = z
  .object({
    source: z.string().transform((value, context) => {
      const lower = value.toLowerCase();
      if (lower === 'entityurl') return 'entityUrl' as const;
      if (lower === 'text') return 'text' as const;
      context.addIssue({ code: z.ZodIssueCode.custom, message: `'${value}' is not a teamworkActivityTopicSource (entityUrl or text).` });
      return z.NEVER;
    }),
    value: z.string().min(1),
    webUrl: z.string().url().optional(),
  })
  .strict();

/** The action's parameters (userteamwork-sendactivitynotification.md); `@`-annotations such as beta's `@iconId` pass. */
const SendActivityNotification = z
  .object({
    topic: Topic,
    activityType: z.string().min(1),
    chainId: z.union([z.number().int(), z.string().regex(/^-?\d+$/)]).optional(),
    previewText: z.object({ content: z.string(), contentType: z.string().optional() }).strict(),
    templateParameters: z.array(z.object({ name: z.string().min(1), value: z.string() }).strict()).optional(),
    teamsAppId: z.string().optional(),
  })
  .strict();

type Body = z.infer<typeof SendActivityNotification>;

/**
 * `POST /users/{id}/teamwork/sendActivityNotification`: 204, and the item appears in the person's activity feed
 * (an earlier item with the same chainId is replaced). Needs the app installed for the person, and either the
 * tenant-wide TeamsActivity.Send or TeamsActivity.Send.User consented on that installation.
 */
function sendActivityNotification(call: GraphCall): GraphResult {
  const user = findTeamsUserOr404(call, call.params.userId!);
  const state = call.ctx.state;
  const app = state.catalogById.get(state.directory.heraldAppId)!;
  const installation = state.findInstallation(user.id, app.id);
  if (!installation) {
    throw new GraphError(403, 'Forbidden', `The app '${app.id}' is not installed for the user '${user.id}': activity notifications go only to people who have it installed.`);
  }
  authorizeSend(call, installation);
  const body = parseBody(call.request.body);
  checkTopic(body.topic);
  const declared = declaredType(app, body.activityType);
  const parameters = body.templateParameters ?? [];
  state.addFeedItem({
    userId: user.id,
    activityType: body.activityType,
    title: declared ? render(declared, parameters, app.displayName) : systemDefaultText(parameters),
    previewText: body.previewText.content.slice(0, PREVIEW_SHOWN),
    topic: body.topic,
    chainId: body.chainId === undefined ? undefined : String(body.chainId),
    templateParameters: parameters,
    createdDateTime: new Date().toISOString(),
  });
  call.ctx.counters.add('graph.activityNotifications');
  return { status: 204 };
}

function authorizeSend(call: GraphCall, installation: Installation): void {
  const roles = rolesOf(call.claims);
  if (ACTIVITY_SEND_ROLES.some((role) => roles.includes(role))) return;
  if (call.ctx.state.hasConsented(installation, ACTIVITY_SEND_RSC)) return;
  throw new GraphError(
    403,
    'Forbidden',
    `Missing role permissions on the request. API requires one of '${[ACTIVITY_SEND_RSC, ...ACTIVITY_SEND_ROLES].join(', ')}'. Roles on the request '${roles.join(', ')}'. Resource specific consent grants on the request '${installation.consentedPermissions.map((permission) => permission.permissionValue).join(', ')}'.`,
  );
}

function parseBody(raw: unknown): Body {
  const withoutAnnotations = raw && typeof raw === 'object' ? Object.fromEntries(Object.entries(raw).filter(([key]) => !key.startsWith('@'))) : raw;
  const parsed = SendActivityNotification.safeParse(withoutAnnotations);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  if (issue.code === z.ZodIssueCode.unrecognized_keys) {
    throw badRequest(`The parameter '${issue.keys[0]}' in the request payload is not a valid parameter for the operation 'sendActivityNotification'.`);
  }
  const where = issue.path.join('.');
  throw badRequest(issue.message === 'Required' ? `The parameter '${where}' is required.` : `Invalid value for '${where}': ${issue.message}`);
}

/** A text topic needs `webUrl`; an entityUrl topic must name a teamsAppInstallation or a teamsCatalogApp. */
function checkTopic(topic: Body['topic']): void {
  if (topic.source === 'text') {
    if (!topic.webUrl) throw badRequest("The topic's webUrl is required when its source is 'text'.");
    return;
  }
  const supported = /\/(teamwork\/installedApps|appCatalogs\/teamsApps)\/[^/?#]+\/?$/i.test(topic.value);
  if (!supported) {
    throw badRequest(`The topic's entityUrl '${topic.value}' does not point at a supported resource (a teamsAppInstallation or a teamsCatalogApp).`);
  }
}

function declaredType(app: EmulatedCatalogApp, activityType: string): ActivityTypeDeclaration | undefined {
  if (activityType === SYSTEM_DEFAULT) return undefined;
  const declared = app.definition.activityTypes.find((entry) => entry.type === activityType);
  if (!declared) {
    const known = [...app.definition.activityTypes.map((entry) => entry.type), SYSTEM_DEFAULT].join(', ');
    throw badRequest(`The activity type '${activityType}' is not declared in the app's manifest (declared: ${known}).`);
  }
  return declared;
}

/** The manifest's template with `{actor}` as the app's name and every other `{name}` from the parameters. */
function render(declared: ActivityTypeDeclaration, parameters: Array<{ name: string; value: string }>, actor: string): string {
  const values = new Map(parameters.map((parameter) => [parameter.name, parameter.value]));
  return declared.templateText.replace(/\{([^{}]+)\}/g, (_match, name: string) => {
    if (name === 'actor') return actor;
    const value = values.get(name);
    if (value === undefined) throw badRequest(`The template parameter '${name}' of the activity type '${declared.type}' has no value in templateParameters.`);
    return value;
  });
}

function systemDefaultText(parameters: Array<{ name: string; value: string }>): string {
  const text = parameters.find((parameter) => parameter.name === 'systemDefaultText')?.value;
  if (!text) throw badRequest(`The activity type '${SYSTEM_DEFAULT}' needs the template parameter 'systemDefaultText'.`);
  return text;
}

/** 5 per second per app per tenant (Teams service limits), and 10 per minute to any one person. */
function limits(call: GraphCall): LimitRequest[] {
  const raw = call.params.userId!;
  const userId = call.ctx.state.findUser(raw)?.id ?? raw;
  return [perTenant(call, 'graph.activityNotification'), { rule: 'graph.activityNotification.perUser', key: `${call.ctx.state.tenantId}|${userId}` }];
}

export const ACTIVITY_NOTIFICATION_ROUTES: GraphRoute[] = [
  // No route-level roles: the RSC grant lives on the recipient's installation, which the handler checks.
  { method: 'POST', pattern: '/users/{userId}/teamwork/sendActivityNotification', roles: [], denial: 'teams', limits, handle: sendActivityNotification },
];
