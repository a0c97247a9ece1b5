-- The agent is done: drop the lease and the ticket's queue record, if the lease is still held.
-- KEYS[1] lease zset   KEYS[2] lease info hash   KEYS[3] where hash
-- ARGV[1] ticket   ARGV[2] token   ARGV[3] now ms
-- Returns 1, or 0 when the lease was lost.
local info = redis.call('HGET', KEYS[2], ARGV[1])
if not info or string.sub(info, -string.len(ARGV[2]) - 1) ~= ('|' .. ARGV[2]) then
  return 0
end
local expiry = tonumber(redis.call('ZSCORE', KEYS[1], ARGV[1]))
if expiry == nil or expiry < tonumber(ARGV[3]) then
  return 0
end
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
return 1
