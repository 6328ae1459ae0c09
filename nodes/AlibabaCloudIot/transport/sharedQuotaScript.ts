/**
 * The one Lua script that updates a shared quota state atomically, on Redis's own clock (TIME), so
 * hosts with skewed clocks still share one first-come-first-served order. It mirrors
 * sharedQuotaState.ts (reserve / penalise); keep the two in step.
 * KEYS[1] the state hash (slots: comma-separated ms, oldest first; hold; pu; pf; cs: client:ms of each
 * process that reserved within the shared spell).
 * ARGV: mode ('reserve' | 'penalise'), limit, windowMs, factor, durationMs, pauseMs, idleMs, client, sharedSpellMs.
 * Returns { ms to wait before sending, processes sharing the quota } (reserve) or { 0, 0 } (penalise).
 */
export const SHARED_QUOTA_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'slots', 'hold', 'pu', 'pf', 'cs')
local slots = {}
for value in string.gmatch(state[1] or '', '[^,]+') do slots[#slots + 1] = tonumber(value) end
local hold = tonumber(state[2] or '0')
local pu = tonumber(state[3] or '0')
local pf = tonumber(state[4] or '1')
local mode = ARGV[1]
local limit = tonumber(ARGV[2])
local spell = tonumber(ARGV[9])
local clients = {}
local others = 0
for name, at in string.gmatch(state[5] or '', '([^,:]+):(%d+)') do
  if tonumber(at) > now - spell and (mode ~= 'reserve' or name ~= ARGV[8]) then
    clients[#clients + 1] = name .. ':' .. at
    if name ~= ARGV[8] then others = others + 1 end
  end
end
if now >= pu then pu = 0; pf = 1 end
local wait = 0
if mode == 'reserve' then
  local window = math.ceil(tonumber(ARGV[3]) * pf)
  local last = slots[#slots] or 0
  local start = math.max(now, hold, last)
  if #slots >= limit then start = math.max(start, slots[#slots - limit + 1] + window) end
  if others > 0 and #slots > 0 then start = math.max(start, last + math.ceil(window / limit)) end
  slots[#slots + 1] = start
  while #slots > limit do table.remove(slots, 1) end
  wait = start - now
  clients[#clients + 1] = ARGV[8] .. ':' .. string.format('%d', now)
else
  hold = math.max(hold, now + tonumber(ARGV[6]))
  pu = math.max(pu, now + tonumber(ARGV[5]))
  pf = math.max(pf, tonumber(ARGV[4]), 1)
  others = -1
end
local text = {}
for i = 1, #slots do text[i] = string.format('%d', slots[i]) end
redis.call('HSET', KEYS[1], 'slots', table.concat(text, ','), 'hold', string.format('%d', hold), 'pu', string.format('%d', pu), 'pf', tostring(pf), 'cs', table.concat(clients, ','))
redis.call('PEXPIRE', KEYS[1], math.ceil(math.max(slots[#slots] or 0, hold, pu, now) - now + tonumber(ARGV[7])))
return { math.ceil(wait), others + 1 }
`;
