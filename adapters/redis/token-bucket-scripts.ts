/**
 * Lua for a token bucket shared by every worker, in the GCRA form of core/delivery/token-bucket.ts: Redis keeps the
 * time the next request may go (`KEYS[1]`) and the end of a Retry-After pause (`KEYS[2]`), both in microseconds of
 * Redis's own clock (TIME), so workers whose clocks disagree still share one exact schedule. Each script runs
 * atomically, so two workers never book the same slot.
 */

/** ARGV: interval µs, burst tolerance µs. Books the next slot; returns {wait µs, pause left µs} as strings. */
export const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local nextSlot = tonumber(redis.call('GET', KEYS[1]) or '0')
local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
local interval = tonumber(ARGV[1])
local slot = math.max(now, nextSlot - tonumber(ARGV[2]), paused)
local booked = math.max(nextSlot, slot) + interval
redis.call('SET', KEYS[1], string.format('%.0f', booked), 'PX', math.floor((booked - now) / 1000) + 60000)
return { string.format('%.0f', slot - now), string.format('%.0f', paused - now) }
`;

/** Pause left in µs (≤ 0: none): checked after a wait, since a 429 may have paused the tenant meanwhile. */
export const PAUSE_LEFT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
return string.format('%.0f', tonumber(redis.call('GET', KEYS[2]) or '0') - now)
`;

/** ARGV: pause ms. Nothing goes before now + pause, for every worker; bookings made before it re-check. */
export const PAUSE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local untilAt = now + tonumber(ARGV[1]) * 1000
local ttl = tonumber(ARGV[1]) + 60000
if untilAt > tonumber(redis.call('GET', KEYS[2]) or '0') then
  redis.call('SET', KEYS[2], string.format('%.0f', untilAt), 'PX', ttl)
end
if untilAt > tonumber(redis.call('GET', KEYS[1]) or '0') then
  redis.call('SET', KEYS[1], string.format('%.0f', untilAt), 'PX', ttl)
end
return 1
`;
