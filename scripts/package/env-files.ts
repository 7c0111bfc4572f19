import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One environment's values and which file each came from, so errors can say where to set a value. */
export interface EnvironmentValues {
  values: Map<string, string>;
  /** `env/.env.dev`: where ids belong. */
  idsFile: string;
  /** `env/.env.dev.user`: where `SECRET_*` values belong (git ignores it). */
  secretsFile: string;
}

/**
 * Reads `env/.env.<env>` then `env/.env.<env>.user`, as the Teams Toolkit does. Empty values are kept as '':
 * the toolkit writes `KEY=` for values a later lifecycle step fills in, so callers decide what empty means.
 */
export function loadEnvironment(rootDir: string, environment: string): EnvironmentValues {
  if (!/^[a-z0-9][a-z0-9-]*$/i.test(environment)) throw new Error(`"${environment}" is not an environment name (letters, digits, dashes)`);
  const idsFile = path.join(rootDir, 'env', `.env.${environment}`);
  const secretsFile = `${idsFile}.user`;
  if (!existsSync(idsFile)) throw new Error(`${path.relative(rootDir, idsFile)} does not exist: create it (see env/.env.dev for the variables) or pick another --env`);
  const values = new Map<string, string>();
  for (const file of [idsFile, secretsFile]) {
    if (!existsSync(file)) continue;
    for (const [key, value] of parseDotenv(readFileSync(file, 'utf8'))) if (value !== '' || !values.has(key)) values.set(key, value);
  }
  return { values, idsFile, secretsFile };
}

/** `KEY=value` lines; `#` comments; optional single or double quotes around the value. */
export function parseDotenv(text: string): Array<[string, string]> {
  const entries: Array<[string, string]> = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const match = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    entries.push([match[1]!, unquote(match[2]!)]);
  }
  return entries;
}

function unquote(value: string): string {
  const quoted = /^(['"])(.*)\1$/.exec(value);
  return quoted ? quoted[2]! : value.replace(/\s+#.*$/, '');
}
