import type { InstallerPort } from '../../../../core/ports/installer';
import { PlatformError } from '../../../../core/ports/platform-error';

export const CATALOG_ID = 'catalog-app-1';

export function chatIdOf(userId: string): string {
  return `19:${userId}_bot@unq.gbl.spaces`;
}

/**
 * Graph installs in memory. `fail(userId, error, times)` makes the next calls for that user throw; `onInstalled`
 * stands in for Teams posting the bot's installationUpdate.
 */
export class FakeInstaller implements InstallerPort {
  readonly installed = new Set<string>();
  readonly calls: Array<{ op: string; userId: string }> = [];
  onInstalled: ((userId: string) => void) | undefined;
  catalogMissing = false;
  private readonly failures = new Map<string, PlatformError[]>();

  fail(userId: string, error: PlatformError, times = 1): void {
    this.failures.set(userId, [...(this.failures.get(userId) ?? []), ...Array.from({ length: times }, () => error)]);
  }

  /** Stops failing for this user. */
  heal(userId: string): void {
    this.failures.delete(userId);
  }

  count(op: string): number {
    return this.calls.filter((call) => call.op === op).length;
  }

  async findCatalogApp(): Promise<{ id: string; displayName: string; version: string } | undefined> {
    return this.catalogMissing ? undefined : { id: CATALOG_ID, displayName: 'Herald', version: '1.0.0' };
  }

  async findUserInstallation(userId: string): Promise<string | undefined> {
    this.record('get', userId);
    return this.installed.has(userId) ? `inst-${userId}` : undefined;
  }

  async installForUser(userId: string): Promise<'installed' | 'already_installed'> {
    this.record('post', userId);
    if (this.installed.has(userId)) return 'already_installed';
    this.installed.add(userId);
    this.onInstalled?.(userId);
    return 'installed';
  }

  /** Recorded only: queued failures are for the calls a delivery depends on. */
  async upgradeForUser(userId: string): Promise<void> {
    this.calls.push({ op: 'upgrade', userId });
  }

  async chatOfInstallation(userId: string): Promise<string> {
    this.record('chat', userId);
    return chatIdOf(userId);
  }

  async findTeamInstallation(): Promise<string | undefined> {
    return undefined;
  }

  async installForTeam(): Promise<'installed' | 'already_installed'> {
    return 'installed';
  }

  private record(op: string, userId: string): void {
    this.calls.push({ op, userId });
    const queued = this.failures.get(userId);
    const error = queued?.shift();
    if (error) throw error;
  }
}
