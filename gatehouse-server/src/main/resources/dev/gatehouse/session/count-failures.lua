-- Adds one failure to each counter, in one atomic step.
-- KEYS[1..n] counter hashes: n = failures in the window, end = window end (epoch ms, Gatehouse's clock)
-- ARGV[1] now (epoch ms, Gatehouse's clock), ARGV[2] window length (ms)
-- Returns, for each key in order, the count after this failure and the window end, as strings.
-- A counter without a window that is still open at "now" starts a new one. Its key expires after one
-- window of real time, so Redis drops it even when no further failure comes.
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])

local result = {}
for i = 1, #KEYS do
    local ends = tonumber(redis.call('HGET', KEYS[i], 'end'))
    if not ends or ends <= now then
        ends = now + window
        redis.call('HSET', KEYS[i], 'n', 0, 'end', ends)
        redis.call('PEXPIRE', KEYS[i], window)
    end
    local count = redis.call('HINCRBY', KEYS[i], 'n', 1)
    result[#result + 1] = tostring(count)
    result[#result + 1] = tostring(ends)
end
return result
