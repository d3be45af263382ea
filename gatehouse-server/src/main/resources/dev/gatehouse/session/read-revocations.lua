-- Reads the revocation feed at Redis's current time, so the returned time and the entries agree. The
-- time returned is never before the newest entry, whose time can run ahead of TIME after a burst (see
-- revoke-sessions.lua), so an entry written later never gets an earlier time.
-- KEYS[1] revocation feed
-- ARGV[1] since (ms, inclusive), ARGV[2] feed retention (ms), ARGV[3] maximum number of entries
-- Returns {now, session id, revoked at, session id, revoked at, ...} in ascending revocation time;
-- entries older than the retention are left out even before they are trimmed.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local newest = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
if newest[2] and tonumber(newest[2]) > now then
    now = tonumber(newest[2])
end
local from = math.max(tonumber(ARGV[1]), now - tonumber(ARGV[2]))

local result = {string.format('%.0f', now)}
local entries = redis.call('ZRANGEBYSCORE', KEYS[1], string.format('%.0f', from), '+inf', 'WITHSCORES',
    'LIMIT', 0, tonumber(ARGV[3]))
for i = 1, #entries do
    result[#result + 1] = entries[i]
end
return result
