import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type Ajv from 'ajv';
import addFormats from 'ajv-formats';

const manifestPackageJson = require.resolve('@microsoft/app-manifest/package.json');

/**
 * Microsoft's JSON schema for the manifest's own `manifestVersion`, read from the copy that
 * @microsoft/app-manifest ships (v1.2 … v1.30), so validation never needs the network.
 */
export function schemaFor(manifestVersion: string): Record<string, unknown> {
  const file = path.join(path.dirname(manifestPackageJson), 'build', 'json-schemas', 'teams', `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/**
 * Validates as @microsoft/app-manifest (the Teams Toolkit's validator) does: ajv's draft-04 flavour, all errors,
 * the uri/email/regex formats. We load that flavour through the package's own dependency rather than its entry
 * point, whose ESM-only imports Jest cannot load.
 */
export async function schemaErrors(manifest: Record<string, unknown>): Promise<string[]> {
  const version = manifest.manifestVersion;
  if (typeof version !== 'string') return ['/manifestVersion is missing'];
  const validate = draft04Validator().compile(schemaFor(version));
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`.trim());
}

function draft04Validator(): Ajv {
  const AjvDraft04 = createRequire(manifestPackageJson)('ajv-draft-04') as { default: new (options: object) => Ajv };
  const ajv = new AjvDraft04.default({ allErrors: true, strictTypes: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  return ajv;
}
