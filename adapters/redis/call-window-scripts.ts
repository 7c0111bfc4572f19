/**
 * Lua for a call window shared by every worker (the form of core/delivery/call-window.ts): per tenant and kind a
 * sorted set (`KEYS[1]`) holds one member per call holding a slot, scored with the moment it leaves — for a call in
 * flight its start + window + lease, for an answered call its answer + window — and `KEYS[2]` holds the end of a
 * Retry-After pause. Times are microseconds of Redis's own clock (TIME), so workers whose clocks disagree still
 * share one exact schedule; each script runs atomically, so two workers never take the same slot.
 */

const NOW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
`;

/**
 * ARGV: limit, window µs, lease µs, member, poll µs. Takes a slot (returns '0') or says how many µs to wait before
 * asking again. The lease bounds how long a worker that died mid-call keeps its slot.
 */
export const ACQUIRE = `${NOW}
local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
if paused > now then return string.format('%.0f', paused - now) end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local window = tonumber(ARGV[2])
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
  local leaves = now + window + tonumber(ARGV[3])
  redis.call('ZADD', KEYS[1], string.format('%.0f', leaves), ARGV[4])
  -- Workers may be configured with different leases: the set lives as long as its longest-lived member.
  local ttl = math.floor((leaves - now) / 1000) + 1000
  if redis.call('PTTL', KEYS[1]) < ttl then redis.call('PEXPIRE', KEYS[1], ttl) end
  return '0'
end
-- Full. The earliest answered call frees a slot at its score. If every slot is still in flight, an answer frees
-- one no sooner than a window from now, but a slot handed back unused (or a lease running out) frees one at
-- once, and nothing tells this worker: ask again after a short poll.
local first = tonumber(redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')[2])
if first > now + window then return ARGV[5] end
return string.format('%.0f', first - now)
`;

/** ARGV: window µs, member, used (1/0). An answered call holds its slot a window longer; an unused one frees it. */
export const RELEASE = `${NOW}
if ARGV[3] == '1' then
  redis.call('ZADD', KEYS[1], 'XX', string.format('%.0f', now + tonumber(ARGV[1])), ARGV[2])
else
  redis.call('ZREM', KEYS[1], ARGV[2])
end
return 1
`;

/** ARGV: pause ms. No slot is given to any worker before now + pause. */
export const PAUSE = `${NOW}
local untilAt = now + tonumber(ARGV[1]) * 1000
if untilAt > tonumber(redis.call('GET', KEYS[2]) or '0') then
  redis.call('SET', KEYS[2], string.format('%.0f', untilAt), 'PX', tonumber(ARGV[1]) + 60000)
end
return 1
`;
