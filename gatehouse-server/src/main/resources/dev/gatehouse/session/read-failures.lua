-- Reads failure counters.
-- KEYS[1..n] counter hashes as count-failures.lua writes them
-- ARGV[1] now (epoch ms, Gatehouse's clock)
-- Returns, for each key in order, the count and the window end as strings, or "0" and "0" when the
-- key has no window that is still open at "now".
local now = tonumber(ARGV[1])

local result = {}
for i = 1, #KEYS do
    local values = redis.call('HMGET', KEYS[i], 'n', 'end')
    local ends = tonumber(values[2])
    if ends and ends > now then
        result[#result + 1] = values[1]
        result[#result + 1] = values[2]
    else
        result[#result + 1] = '0'
        result[#result + 1] = '0'
    end
end
return result
