-- Extend a lease still held (unexpired) under the given token.
-- KEYS[1] lease zset   KEYS[2] lease info hash
-- ARGV[1] ticket   ARGV[2] token   ARGV[3] now ms   ARGV[4] lease ms
-- Returns the new expiry ms, or false when the lease was lost.
local info = redis.call('HGET', KEYS[2], ARGV[1])
if not info or string.sub(info, -string.len(ARGV[2]) - 1) ~= ('|' .. ARGV[2]) then
  return false
end
local expiry = tonumber(redis.call('ZSCORE', KEYS[1], ARGV[1]))
if expiry == nil or expiry < tonumber(ARGV[3]) then
  return false
end
local newExpiry = tonumber(ARGV[3]) + tonumber(ARGV[4])
redis.call('ZADD', KEYS[1], newExpiry, ARGV[1])
return tostring(newExpiry)
