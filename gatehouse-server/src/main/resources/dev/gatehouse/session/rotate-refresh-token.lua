-- Decides one presented refresh token in a single atomic step, so a token rotates at most once.
-- Hashes are compared with '==', which is not constant-time; that leaks nothing useful because the
-- values compared are SHA-256 hashes of 256-bit secrets, not the secrets.
-- KEYS[1] session hash, KEYS[2] revocation feed (see revoke-sessions.lua)
-- ARGV: presented generation, presented hash, successor hash, now (ms), leeway (ms), idle lifetime (ms),
--       latest wall-clock time (ms) at which the request may still run, session id, feed retention (ms),
--       presenting OAuth client id ('' for none)
-- Returns {outcome, user id, ...}; the cases are documented on RotationOutcome.

-- A request that reaches Redis after its caller has given up (Redis stalled, then resumed) changes
-- nothing, so the caller's 503 stays true: the presented token is not spent.
local time = redis.call('TIME')
local redisNow = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
if redisNow > tonumber(ARGV[7]) then
    return {'late'}
end

local f = redis.call('HMGET', KEYS[1], 'uid', 'gen', 'cur', 'prev', 'rot', 'last', 'abs', 'cid')
if not f[1] then
    return {'unknown'}
end
local uid = f[1]
local generation = tonumber(f[2])
local now = tonumber(ARGV[4])
local idle = tonumber(ARGV[6])
local absolute = tonumber(f[7])

if now >= absolute or now - tonumber(f[6]) >= idle then
    redis.call('DEL', KEYS[1])
    return {'expired', uid}
end

local presented = tonumber(ARGV[1])
-- Only the session's own client may spend or retry its token; another client changes nothing.
local sameClient = (f[8] or '') == ARGV[10]
-- 1. Current token: rotate. The TTL follows idle use but never passes the absolute expiry.
if presented == generation and ARGV[2] == f[3] then
    if not sameClient then
        return {'wrong_client', uid}
    end
    redis.call('HSET', KEYS[1], 'gen', generation + 1, 'prev', f[3], 'cur', ARGV[3], 'rot', now, 'last', now)
    redis.call('PEXPIRE', KEYS[1], math.min(idle, absolute - now))
    return {'rotated', uid}
end

-- 2 and 3. The token rotated last: a retry within the leeway, reuse after it.
if presented == generation - 1 and f[4] and ARGV[2] == f[4] and ARGV[3] == f[3] then
    if now - tonumber(f[5]) <= tonumber(ARGV[5]) then
        if not sameClient then
            return {'wrong_client', uid}
        end
        redis.call('HSET', KEYS[1], 'last', now)
        redis.call('PEXPIRE', KEYS[1], math.min(idle, absolute - now))
        return {'retried', uid}
    end
    -- Reuse ends the session, so it goes into the revocation feed in this same step, with a distinct
    -- time as revoke-sessions.lua explains.
    redis.call('DEL', KEYS[1])
    local retention = tonumber(ARGV[9])
    local score = redisNow
    local newest = redis.call('ZRANGE', KEYS[2], -1, -1, 'WITHSCORES')
    if newest[2] and tonumber(newest[2]) >= score then
        score = tonumber(newest[2]) + 1
    end
    redis.call('ZADD', KEYS[2], string.format('%.0f', score), ARGV[8])
    redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. string.format('%.0f', redisNow - retention))
    redis.call('PEXPIRE', KEYS[2], retention)
    return {'reused', uid}
end

-- 4. An older generation: the caller checks whether it is a genuine ancestor.
if presented < generation - 1 then
    return {'stale', uid, tostring(generation), f[3]}
end

-- 5. Matches nothing: forged or from another session.
return {'mismatch', uid}
