-- Stores a new session and adds it to its user's index, atomically.
-- KEYS[1] session hash, KEYS[2] user index (sorted set of session ids scored by absolute expiry)
-- ARGV: user id, token hash, created (ms), absolute expiry (ms), session TTL (ms),
--       user agent, address, session id, index TTL (ms), latest wall-clock time (ms) to run,
--       OAuth client id ('' for none)
-- Returns 1, or 0 when the request reached Redis after its caller had already given up with 503.
local time = redis.call('TIME')
if tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000) > tonumber(ARGV[10]) then
    return 0
end
redis.call('HSET', KEYS[1], 'uid', ARGV[1], 'gen', 0, 'cur', ARGV[2], 'crt', ARGV[3], 'last', ARGV[3],
    'abs', ARGV[4], 'ua', ARGV[6], 'ip', ARGV[7], 'cid', ARGV[11])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
redis.call('ZADD', KEYS[2], ARGV[4], ARGV[8])
if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[9]) then
    redis.call('PEXPIRE', KEYS[2], ARGV[9])
end
return 1
