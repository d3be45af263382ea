-- Stores a new session and adds it to its user's index, atomically.
-- KEYS[1] session hash, KEYS[2] user index (sorted set of session ids scored by absolute expiry)
-- ARGV: user id, token hash, created (ms), absolute expiry (ms), session TTL (ms),
--       user agent, address, session id, index TTL (ms)
redis.call('HSET', KEYS[1], 'uid', ARGV[1], 'gen', 0, 'cur', ARGV[2], 'crt', ARGV[3], 'last', ARGV[3],
    'abs', ARGV[4], 'ua', ARGV[6], 'ip', ARGV[7])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
redis.call('ZADD', KEYS[2], ARGV[4], ARGV[8])
if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[9]) then
    redis.call('PEXPIRE', KEYS[2], ARGV[9])
end
return 1
