import { z } from 'zod';

/** Audience kinds a sender may be allowed to use (`everyone` is usually kept for a few). */
export const audienceKindSchema = z.enum(['user', 'group', 'team', 'csv', 'everyone']);
export const roleSchema = z.enum(['admin', 'sender']);

/** `GET /api/me`: who is signed in and what they may do; `admins` names whom a refused user should ask. */
export const meSchema = z.object({
  user: z.object({ id: z.string(), displayName: z.string(), upn: z.string() }),
  roles: z.array(roleSchema),
  allowedAudienceKinds: z.array(z.string()),
  admins: z.array(z.string()),
});

export const senderSchema = z.object({
  userId: z.string(),
  upn: z.string(),
  displayName: z.string(),
  role: roleSchema.or(z.literal('none')),
  allowedAudienceKinds: z.array(audienceKindSchema),
});

/** The body of `PUT /api/senders/:userId`. */
export const senderUpdateSchema = z.object({
  role: roleSchema.or(z.literal('none')),
  allowedAudienceKinds: z.array(audienceKindSchema),
});

export const auditEntrySchema = z.object({
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  target: z.string(),
  details: z.unknown(),
});

/** `GET /api/audit`; `next` is the `after` value of the following page (absent or null on the last page). */
export const auditPageSchema = z.object({ value: z.array(auditEntrySchema), next: z.string().nullable().optional() });

/** Every error answer: `fields` maps a dotted path of the body (`content.buttons.0.url`) to its message. */
export const apiErrorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() }),
});

/**
 * `GET /api/tab-config` (no token needed): how the tab signs in. `standalone` is null in production (Teams only);
 * against the emulator it names the emulator's SSO door. `teamsHostOrigins` are origins, besides Microsoft's own,
 * whose teams-js host messages the tab accepts (the emulator's Teams client).
 */
export const tabConfigSchema = z.object({
  standalone: z.object({ ssoTokenUrl: z.string().url(), resource: z.string(), defaultUpn: z.string() }).nullable(),
  teamsHostOrigins: z.array(z.string()).default([]),
});

export type Me = z.infer<typeof meSchema>;
export type Sender = z.infer<typeof senderSchema>;
export type SenderUpdate = z.infer<typeof senderUpdateSchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditPage = z.infer<typeof auditPageSchema>;
export type AudienceKind = z.infer<typeof audienceKindSchema>;
export type TabConfig = z.infer<typeof tabConfigSchema>;
