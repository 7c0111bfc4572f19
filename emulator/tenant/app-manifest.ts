import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { AppDeclarations } from './seed';

/** The parts of a Teams app manifest (v1.12 or later) the emulated Graph enforces; everything else is ignored. */
const Manifest = z.object({
  id: z.string().optional(),
  authorization: z
    .object({
      permissions: z.object({ resourceSpecific: z.array(z.object({ name: z.string().min(1), type: z.enum(['Application', 'Delegated']) })).default([]) }).partial(),
    })
    .partial()
    .optional(),
  activities: z
    .object({ activityTypes: z.array(z.object({ type: z.string().min(1), description: z.string(), templateText: z.string() })).default([]) })
    .partial()
    .optional(),
});

/**
 * Reads an app manifest (`appPackage/manifest.json` or any other) into what the emulator's catalog app declares:
 * its resource-specific permissions and activity types, and its id when the file holds a real one (not a
 * `${{PLACEHOLDER}}`).
 */
export async function readAppManifest(file: string): Promise<{ declarations: AppDeclarations; externalId?: string }> {
  const parsed = Manifest.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is not a Teams app manifest the emulator can read: ${parsed.error.issues[0]?.message}`);
  const manifest = parsed.data;
  return {
    declarations: {
      resourceSpecificPermissions: (manifest.authorization?.permissions?.resourceSpecific ?? []).map((permission) => ({
        permissionValue: permission.name,
        permissionType: permission.type === 'Application' ? 'application' : 'delegated',
      })),
      activityTypes: manifest.activities?.activityTypes ?? [],
    },
    externalId: manifest.id && /^[0-9a-f-]{36}$/i.test(manifest.id) ? manifest.id : undefined,
  };
}
