-- Ends sessions and records each one that was live in the revocation feed, in one atomic step, so a
-- reader of the feed never misses a session that is already gone.
-- KEYS[1] revocation feed (sorted set of session ids scored by revocation time in ms from Redis TIME),
-- KEYS[2..n] session hashes
-- ARGV[1] feed retention (ms), ARGV[2..n] the session ids of KEYS[2..n], in the same order
-- Returns how many of the sessions were live.
-- Every entry gets a distinct time, one millisecond after the newest entry when TIME has not passed it,
-- so a reader that pages with "since" inclusive always moves forward however many sessions end at once.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local retention = tonumber(ARGV[1])

local score = now
local newest = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
if newest[2] and tonumber(newest[2]) >= score then
    score = tonumber(newest[2]) + 1
end

local revoked = 0
for i = 2, #KEYS do
    if redis.call('DEL', KEYS[i]) == 1 then
        redis.call('ZADD', KEYS[1], string.format('%.0f', score), ARGV[i])
        score = score + 1
        revoked = revoked + 1
    end
end

if revoked > 0 then
    redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. string.format('%.0f', now - retention))
    redis.call('PEXPIRE', KEYS[1], retention)
end
return revoked
