import type { InstallerPort } from '../../core/ports/installer';
import type { MessengerPort } from '../../core/ports/messenger';
import { PlatformError } from '../../core/ports/platform-error';
import type { HeraldMetrics } from './herald-metrics';

/** Counts one call: ok, throttled (429) or failed, and the status of every failure. */
async function metered<T>(metrics: HeraldMetrics, service: 'graph' | 'connector', operation: string, call: () => Promise<T>): Promise<T> {
  try {
    const result = await call();
    metrics.calls.inc({ service, operation, outcome: 'ok' });
    return result;
  } catch (error) {
    const status = error instanceof PlatformError ? error.status : 0;
    metrics.calls.inc({ service, operation, outcome: status === 429 ? 'throttled' : 'failed' });
    metrics.failures.inc({ service, operation, status: String(status) });
    throw error;
  }
}

/** The messenger port, counted: sends, updates and deletes with their 429s and failures. */
export function meteredMessenger(inner: MessengerPort, metrics: HeraldMetrics): MessengerPort {
  return {
    send: (address, activity) => metered(metrics, 'connector', 'send', () => inner.send(address, activity)),
    update: (address, activityId, activity) => metered(metrics, 'connector', 'update', () => inner.update(address, activityId, activity)),
    delete: (address, activityId) => metered(metrics, 'connector', 'delete', () => inner.delete(address, activityId)),
    createPersonalConversation: (tenantId, serviceUrl, userId) =>
      metered(metrics, 'connector', 'createConversation', () => inner.createPersonalConversation(tenantId, serviceUrl, userId)),
  };
}

/** The installer port, counted per Graph operation. */
export function meteredInstaller(inner: InstallerPort, metrics: HeraldMetrics): InstallerPort {
  return {
    findCatalogApp: (externalId) => metered(metrics, 'graph', 'findCatalogApp', () => inner.findCatalogApp(externalId)),
    findUserInstallation: (userId, appId) => metered(metrics, 'graph', 'findUserInstallation', () => inner.findUserInstallation(userId, appId)),
    installForUser: (userId, appId) => metered(metrics, 'graph', 'installForUser', () => inner.installForUser(userId, appId)),
    chatOfInstallation: (userId, installationId) => metered(metrics, 'graph', 'chatOfInstallation', () => inner.chatOfInstallation(userId, installationId)),
    upgradeForUser: (userId, installationId) => metered(metrics, 'graph', 'upgradeForUser', () => inner.upgradeForUser(userId, installationId)),
    findTeamInstallation: (teamId, appId) => metered(metrics, 'graph', 'findTeamInstallation', () => inner.findTeamInstallation(teamId, appId)),
    installForTeam: (teamId, appId) => metered(metrics, 'graph', 'installForTeam', () => inner.installForTeam(teamId, appId)),
  };
}
