/**
 * The one Lua script that updates a shared quota state atomically, on Redis's own clock (TIME), so
 * hosts with skewed clocks still share one first-come-first-served order. It mirrors
 * sharedQuotaState.ts (reserve / penalise); keep the two in step.
 * KEYS[1] the state hash; ARGV: mode ('reserve' | 'penalise'), intervalMs (slotIntervalMs), factor, durationMs, pauseMs, idleMs.
 * Returns the ms to wait before sending (reserve) or 0 (penalise).
 */
export const SHARED_QUOTA_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local tat = tonumber(redis.call('HGET', KEYS[1], 'tat') or '0')
local pu = tonumber(redis.call('HGET', KEYS[1], 'pu') or '0')
local pf = tonumber(redis.call('HGET', KEYS[1], 'pf') or '1')
local mode = ARGV[1]
local idle = tonumber(ARGV[6])
local active = now < pu
if not active then pu = 0; pf = 1 end
local wait = 0
if mode == 'reserve' then
  local interval = tonumber(ARGV[2]) * pf
  local start = math.max(now, tat)
  wait = start - now
  tat = start + interval
else
  tat = math.max(tat, now + tonumber(ARGV[5]))
  pu = math.max(pu, now + tonumber(ARGV[4]))
  pf = math.max(pf, tonumber(ARGV[3]), 1)
end
redis.call('HSET', KEYS[1], 'tat', tostring(tat), 'pu', tostring(pu), 'pf', tostring(pf))
redis.call('PEXPIRE', KEYS[1], math.ceil(math.max(tat, pu, now) - now + idle))
return math.ceil(wait)
`;
