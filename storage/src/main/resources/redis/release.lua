-- The agent gives a ticket back: it returns to its queue at its old position.
-- KEYS[1] lease zset   KEYS[2] lease info hash
-- ARGV[1] ticket   ARGV[2] token   ARGV[3] queue key prefix
-- Returns 1, or 0 when the lease was lost.
local info = redis.call('HGET', KEYS[2], ARGV[1])
if not info or string.sub(info, -string.len(ARGV[2]) - 1) ~= ('|' .. ARGV[2]) then
  return 0
end
local score, queue = string.match(info, '^([^|]+)|([^|]+)|')
redis.call('ZADD', ARGV[3] .. queue, score, ARGV[1])
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
return 1
