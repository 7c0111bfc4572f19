import { tabConfigSchema, type TabConfig } from '../../../api/contract/admin';

/** Reads `/api/tab-config`, the only unauthenticated call: it says how this deployment signs the tab in. */
export async function loadTabConfig(fetchImpl: typeof fetch, baseUrl: string): Promise<TabConfig> {
  const response = await fetchImpl(`${baseUrl}/api/tab-config`, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`tab-config answered ${response.status}`);
  return tabConfigSchema.parse(await response.json());
}
