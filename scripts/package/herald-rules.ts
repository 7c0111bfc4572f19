import { z } from 'zod';

const heraldManifest = z.object({
  bots: z.array(z.object({ botId: z.string(), scopes: z.array(z.string()) })).length(1),
  composeExtensions: z
    .array(z.object({ botId: z.string(), commands: z.array(z.object({ id: z.string(), type: z.string().optional(), context: z.array(z.string()).optional(), fetchTask: z.boolean().optional() })) }))
    .length(1),
  staticTabs: z.array(z.object({ entityId: z.string(), contentUrl: z.string().optional(), websiteUrl: z.string().optional() })),
  validDomains: z.array(z.string()),
  webApplicationInfo: z.object({ id: z.string(), resource: z.string() }),
});

/**
 * Herald's own rules on top of Microsoft's schema. Ids: the compose extension is the bot's (Teams routes its
 * invokes to that bot); `webApplicationInfo.id` is Herald's Entra app, the one holding the Graph application
 * permissions: `TeamsAppInstallation.ReadWriteSelf…` lets an app install only the Teams app whose
 * webApplicationInfo.id is that app. The bot usually has its own Entra app (as the toolkit creates it), so the
 * two ids may differ. Domains: every page Teams loads (tabs, dialogs) must be on a valid domain.
 */
export function heraldRuleErrors(input: unknown): string[] {
  const parsed = heraldManifest.safeParse(input);
  if (!parsed.success) return parsed.error.issues.map((issue) => `/${issue.path.join('/')} ${issue.message}`);
  const manifest = parsed.data;
  const errors: string[] = [];
  const bot = manifest.bots[0]!;
  const extension = manifest.composeExtensions[0]!;
  if (extension.botId !== bot.botId) errors.push(`composeExtensions[0].botId (${extension.botId}) must be the bot's id (${bot.botId})`);
  for (const scope of ['personal', 'team']) if (!bot.scopes.includes(scope)) errors.push(`bots[0].scopes must include "${scope}"`);
  const announce = extension.commands.find((command) => command.id === 'announce');
  if (!announce || announce.type !== 'action' || announce.fetchTask !== true) errors.push('composeExtensions needs the "announce" action command with fetchTask: true');
  for (const context of ['compose', 'commandBox']) if (!announce?.context?.includes(context)) errors.push(`the "announce" command must be available in "${context}"`);

  const pages = manifest.staticTabs.flatMap((tab) => [tab.contentUrl, tab.websiteUrl]).filter((url): url is string => url !== undefined);
  for (const page of pages) {
    const host = hostOf(page);
    if (!host) errors.push(`${page} is not an https URL`);
    else if (!manifest.validDomains.some((domain) => domainMatches(domain, host))) errors.push(`${host} (from ${page}) is not in validDomains`);
  }

  const { id, resource } = manifest.webApplicationInfo;
  const expected = /^api:\/\/([^/]+)\/(.+)$/.exec(resource);
  if (!expected) errors.push(`webApplicationInfo.resource must be api://<domain>/<app id>, not ${resource}`);
  else {
    if (expected[2] !== id) errors.push(`webApplicationInfo.resource must end with webApplicationInfo.id (${id})`);
    if (!manifest.validDomains.some((domain) => domainMatches(domain, expected[1]!))) errors.push(`the SSO domain ${expected[1]} is not in validDomains`);
  }
  return errors;
}

function hostOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed.host : undefined;
  } catch {
    return undefined;
  }
}

/** Teams' validDomains may start with a `*.` wildcard for one subdomain level. */
export function domainMatches(pattern: string, host: string): boolean {
  if (pattern.startsWith('*.')) {
    const suffix = pattern.slice(1);
    return host.endsWith(suffix) && !host.slice(0, -suffix.length).includes('.');
  }
  return pattern.toLowerCase() === host.toLowerCase();
}
