import { classifyFailure, type Decision, type Operation } from '../../../core/delivery/classify-failure';
import { describeFailure, FAILURE_REASONS } from '../../../core/delivery/failure-reasons';
import { PlatformError } from '../../../core/ports/platform-error';

const graph = (status: number, code?: string, message = 'error') => new PlatformError('graph', status, code, message);
const connector = (status: number, code?: string, subCode?: string) => new PlatformError('connector', status, code, 'error', subCode ? { subCode } : {});

describe('classifyFailure', () => {
  const table: Array<[string, Operation, unknown, Decision]> = [
    ['Graph 403 on install', 'install', graph(403, 'Forbidden'), { action: 'fail', reason: 'blocked_by_app_policy' }],
    ['Graph 404 on install', 'install', graph(404, 'NotFound'), { action: 'fail', reason: 'user_not_found' }],
    ['Graph error naming the licence', 'install', graph(400, 'BadRequest', 'User does not have a valid Teams license'), { action: 'fail', reason: 'no_teams_license' }],
    ['Graph 429 with Retry-After', 'install', new PlatformError('graph', 429, 'TooManyRequests', 'slow down', { retryAfterMs: 1500 }), { action: 'throttle', retryAfterMs: 1500 }],
    ['Graph 503', 'fetchChat', graph(503), { action: 'retry' }],
    ['Connector 429', 'send', new PlatformError('connector', 429, 'Throttled', 'x', { retryAfterMs: 2000 }), { action: 'throttle', retryAfterMs: 2000 }],
    ['Connector 412', 'send', connector(412, 'PreconditionFailed'), { action: 'retry' }],
    ['Connector 502', 'send', connector(502), { action: 'retry' }],
    ['a transport failure (status 0)', 'send', connector(0), { action: 'retry' }],
    ['Connector 403 ConversationBlockedByUser', 'send', connector(403, 'ConversationBlockedByUser'), { action: 'fail', reason: 'user_blocked_bot' }],
    ['Connector 403 MessageWritesBlocked on send', 'send', connector(403, undefined, 'MessageWritesBlocked'), { action: 'repair' }],
    ['Connector 403 MessageWritesBlocked on update', 'update', connector(403, undefined, 'MessageWritesBlocked'), { action: 'fail', reason: 'user_blocked_bot' }],
    ['Connector 403 ForbiddenOperationException', 'send', connector(403, 'ForbiddenOperationException'), { action: 'repair' }],
    ['Connector 403 BotNotInConversationRoster', 'send', connector(403, 'BotNotInConversationRoster'), { action: 'repair' }],
    ['Connector 404 ConversationNotFound', 'send', connector(404, 'ConversationNotFound'), { action: 'repair' }],
    ['Connector 404 ActivityNotFoundInConversation', 'delete', connector(404, 'ActivityNotFoundInConversation'), { action: 'fail', reason: 'activity_not_found' }],
    ['Connector 403 BotDisabledByAdmin', 'send', connector(403, 'BotDisabledByAdmin'), { action: 'fail', reason: 'bot_disabled' }],
    ['Connector 413 MessageSizeTooBig', 'send', connector(413, 'MessageSizeTooBig'), { action: 'fail', reason: 'card_too_large' }],
    ['Connector 400 BadArgument', 'send', connector(400, 'BadArgument'), { action: 'fail', reason: 'rejected' }],
    ['Connector 401', 'send', connector(401, 'BotNotRegistered'), { action: 'fail', reason: 'bot_unauthorized' }],
    ['an error that is not from the platform', 'send', new Error('socket hang up'), { action: 'retry' }],
  ];

  it.each(table)('when %s, then the decision is as the table says', (_name, operation, error, expected) => {
    expect(classifyFailure(operation, error)).toEqual(expected);
  });

  it('when a failure is permanent, then its reason has a sentence a person can act on', () => {
    for (const [, , error] of table) {
      const decision = classifyFailure('send', error);
      if (decision.action === 'fail') expect(describeFailure(decision.reason)).toBe(FAILURE_REASONS[decision.reason]);
    }
    expect(describeFailure('something new')).toBe(FAILURE_REASONS.unexpected);
  });
});
