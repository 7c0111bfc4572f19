import { z } from 'zod';
import type { EmulatedCatalogApp, RscPermission } from '../tenant/model';
import { rolesOf } from './auth';
import { badRequest, GraphError } from './errors';
import type { GraphCall } from './types';

/** teamsAppPermissionSet / teamsAppResourceSpecificPermission; Graph reads enum members case-insensitively. */
const PermissionSet = z.object({
  resourceSpecificPermissions: z
    .array(
      z.object({
        permissionValue: z.string().min(1),
        permissionType: z.string().transform((value, context) => {
          const lower = value.toLowerCase();
          if (lower === 'application' || lower === 'delegated') return lower;
          context.addIssue({ code: z.ZodIssueCode.custom, message: `'${value}' is not a teamsAppResourceSpecificPermissionType (application or delegated).` });
          return z.NEVER;
        }),
      }),
    )
    .default([]),
});

/**
 * The `consentedPermissionSet` of an install or upgrade body, or undefined when the body has none. A set that is
 * not the documented shape is a 400 naming what is wrong.
 */
export function consentedPermissionSet(call: GraphCall): RscPermission[] | undefined {
  const body = call.request.body;
  const raw = body && typeof body === 'object' ? (body as Record<string, unknown>).consentedPermissionSet : undefined;
  if (raw === undefined || raw === null) return undefined;
  const parsed = PermissionSet.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw badRequest(`Invalid consentedPermissionSet: ${issue.path.join('.') || 'value'}: ${issue.message}`);
  }
  return parsed.data.resourceSpecificPermissions as RscPermission[];
}

/**
 * Checks a consented set against the app definition, as Graph does: the caller needs one of the AndConsent
 * permissions (403 otherwise, like any missing role), and the set must be exactly the definition's
 * resource-specific permissions (400 `ResourceSpecificPermissionsMismatch` otherwise; delegated ones may be left
 * out, per the install pages' note). An empty set for an app that declares none is fine.
 */
export function checkConsent(call: GraphCall, app: EmulatedCatalogApp, consented: RscPermission[], consentRoles: readonly string[]): void {
  const roles = rolesOf(call.claims);
  if (!consentRoles.some((role) => roles.includes(role))) {
    throw new GraphError(
      403,
      'Forbidden',
      `Missing role permissions on the request. Consenting to resource-specific permissions requires one of '${consentRoles.join(', ')}'. Roles on the request '${roles.join(', ')}'.`,
    );
  }
  const key = (permission: RscPermission): string => `${permission.permissionValue.toLowerCase()}|${permission.permissionType}`;
  const declared = app.definition.resourceSpecificPermissions;
  const declaredKeys = new Set(declared.map(key));
  const consentedKeys = new Set(consented.map(key));
  const unexpected = consented.filter((permission) => !declaredKeys.has(key(permission)));
  const missing = declared.filter((permission) => permission.permissionType === 'application' && !consentedKeys.has(key(permission)));
  if (unexpected.length === 0 && missing.length === 0) return;
  const list = (permissions: RscPermission[]): string => permissions.map((permission) => `${permission.permissionValue} (${permission.permissionType})`).join(', ');
  const parts = [
    missing.length > 0 ? `not consented: ${list(missing)}` : '',
    unexpected.length > 0 ? `not declared by the app: ${list(unexpected)}` : '',
  ].filter(Boolean);
  throw badRequest(
    `The consented resource-specific permissions do not match the ones the app '${app.id}' requires (${parts.join('; ')}). Get them from the app definition's authorization.requiredPermissionSet.`,
    'ResourceSpecificPermissionsMismatch',
  );
}
