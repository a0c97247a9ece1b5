-- Return every expired lease to its queue at its old position.
-- KEYS[1] lease zset   KEYS[2] lease info hash
-- ARGV[1] now ms   ARGV[2] queue key prefix
-- Returns the number of tickets returned.
local expired = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
for _, id in ipairs(expired) do
  local info = redis.call('HGET', KEYS[2], id)
  if info then
    local score, queue = string.match(info, '^([^|]+)|([^|]+)|')
    redis.call('ZADD', ARGV[2] .. queue, score, id)
  end
  redis.call('ZREM', KEYS[1], id)
  redis.call('HDEL', KEYS[2], id)
end
return #expired
