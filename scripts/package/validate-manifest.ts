import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';

/**
 * Microsoft's JSON schema for the manifest's own `manifestVersion`, read from the copy that
 * @microsoft/app-manifest ships (v1.2 … v1.30), so validation never needs the network.
 */
export function schemaFor(manifestVersion: string): Record<string, unknown> {
  const packageDir = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const file = path.join(packageDir, 'build', 'json-schemas', 'teams', `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** Validates with the library the Teams Toolkit itself uses (ajv, draft-04), against the offline schema. */
export async function schemaErrors(manifest: Record<string, unknown>): Promise<string[]> {
  const version = manifest.manifestVersion;
  if (typeof version !== 'string') return ['/manifestVersion is missing'];
  const schema = schemaFor(version);
  return AppManifestUtils.validateAgainstSchema(manifest as never, schema as never);
}
