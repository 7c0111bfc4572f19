import { readFile } from 'node:fs/promises';
import { FaultsConfig, describeIssues } from './schema';

/** Reads and validates a faults file; the error names the file and every bad field. */
export async function loadFaultsFile(file: string): Promise<FaultsConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`faults file ${file}: cannot be read (${(error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`faults file ${file}: is not valid JSON (${(error as Error).message})`);
  }
  return parseFaultsConfig(json, `faults file ${file}`);
}

export function parseFaultsConfig(json: unknown, source: string): FaultsConfig {
  const parsed = FaultsConfig.safeParse(json);
  if (!parsed.success) throw new Error(`${source}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}
