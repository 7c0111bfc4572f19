import { CatalogCache } from '../../../core/delivery/catalog-cache';
import { failureOutcome } from '../../../core/delivery/failure-outcome';
import { RateLimiter } from '../../../core/delivery/rate-limiter';
import { backoffMs } from '../../../core/delivery/retry-policy';
import type { WorkContext } from '../../../core/delivery/work-context';
import { PlatformError } from '../../../core/ports/platform-error';
import { silentLogger } from '../../../core/shared/logger';
import type { ClaimedRecipient } from '../../../core/store/store';
import { FakeInstaller } from './fakes/fake-installer';
import { FakeMessenger } from './fakes/fake-messenger';
import { testConfig } from './fakes/harness';
import { FakeClock } from '../../support/fake-clock';

function context(): { ctx: WorkContext; clock: FakeClock } {
  const clock = new FakeClock(10_000);
  const config = testConfig({ limits: { connector: 50, installedAppsGet: 30, installedAppsPost: 30 }, retry: { baseDelayMs: 1000, maxDelayMs: 8000, maxAttempts: 4, defaultThrottleMs: 2000 } });
  const installer = new FakeInstaller();
  const ctx: WorkContext = { installer, messenger: new FakeMessenger(), limiter: new RateLimiter(config.limits, clock), catalog: new CatalogCache(installer, 'x', clock), clock, config, logger: silentLogger, random: () => 0.5 };
  return { ctx, clock };
}

const recipient = (overrides: Partial<ClaimedRecipient> = {}): ClaimedRecipient => ({
  id: 7, notificationId: 'n', tenantId: 't', userId: 'u', state: 'sending', installStep: 'install', attempts: 0, conversationId: 'c', serviceUrl: 's', repaired: false, ...overrides,
});

describe('what a failed call turns into', () => {
  it('when the Connector answers 429 with Retry-After, then the tenant pauses that long and the attempt is not counted', async () => {
    const { ctx, clock } = context();
    const error = new PlatformError('connector', 429, 'Throttled', 'slow down', { retryAfterMs: 3000 });
    expect(failureOutcome(ctx, recipient(), 'send', error, 'ready')).toMatchObject({ kind: 'retry', to: 'ready', nextAttemptAt: 13_000, countAttempt: false });
    let sent = false;
    void ctx.limiter.acquire('t', 'connector').then(() => (sent = true));
    await clock.advance(2999);
    expect(sent).toBe(false);
    await clock.advance(1);
    expect(sent).toBe(true);
  });

  it('when a 429 has no Retry-After, then the configured default wait is used', () => {
    const { ctx } = context();
    const outcome = failureOutcome(ctx, recipient({ state: 'installing' }), 'install', new PlatformError('graph', 429, 'TooManyRequests', 'x'), 'pending');
    expect(outcome).toMatchObject({ kind: 'retry', from: 'installing', to: 'pending', nextAttemptAt: 12_000, countAttempt: false });
  });

  it('when a transient error repeats, then the wait grows with jitter and the recipient fails at the attempt cap', () => {
    const { ctx } = context();
    const error = new PlatformError('connector', 503, undefined, 'unavailable');
    expect(failureOutcome(ctx, recipient({ attempts: 0 }), 'send', error, 'ready')).toMatchObject({ kind: 'retry', nextAttemptAt: 10_000 + 750, countAttempt: true });
    expect(failureOutcome(ctx, recipient({ attempts: 2 }), 'send', error, 'ready')).toMatchObject({ kind: 'retry', nextAttemptAt: 10_000 + 3000 });
    expect(failureOutcome(ctx, recipient({ attempts: 3 }), 'send', error, 'ready')).toMatchObject({ kind: 'failed', reason: 'retries_exhausted' });
  });

  it('when backoff grows past its cap, then it stays within the cap', () => {
    const policy = { baseDelayMs: 1000, maxDelayMs: 8000, maxAttempts: 10, defaultThrottleMs: 1 };
    expect(backoffMs(policy, 9, () => 1)).toBe(8000);
    expect(backoffMs(policy, 9, () => 0)).toBe(4000);
  });

  it('when a send finds the app gone, then the conversation is repaired once, and the second time the recipient fails', () => {
    const { ctx } = context();
    const gone = new PlatformError('connector', 403, 'ForbiddenOperationException', 'not installed');
    expect(failureOutcome(ctx, recipient(), 'send', gone, 'ready')).toMatchObject({ kind: 'repair', tenantId: 't', userId: 'u' });
    expect(failureOutcome(ctx, recipient({ repaired: true }), 'send', gone, 'ready')).toMatchObject({ kind: 'failed', reason: 'conversation_lost' });
  });

  it('when the user blocked the bot (MessageWritesBlocked survives a reinstall), then the reason says so', () => {
    const { ctx } = context();
    const blocked = new PlatformError('connector', 403, undefined, 'blocked', { subCode: 'MessageWritesBlocked' });
    expect(failureOutcome(ctx, recipient({ repaired: true }), 'send', blocked, 'ready')).toMatchObject({ kind: 'failed', reason: 'user_blocked_bot' });
  });
});
