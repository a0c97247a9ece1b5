-- Add (or re-score) a ticket in a queue unless it is leased to an agent.
-- KEYS[1] queue zset   KEYS[2] lease info hash   KEYS[3] where hash (ticket -> queue name)
-- ARGV[1] ticket   ARGV[2] score   ARGV[3] queue name   ARGV[4] queue key prefix
-- Returns 1 when queued, 0 when leased.
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then
  return 0
end
local old = redis.call('HGET', KEYS[3], ARGV[1])
if old and old ~= ARGV[3] then
  redis.call('ZREM', ARGV[4] .. old, ARGV[1])
end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
redis.call('HSET', KEYS[3], ARGV[1], ARGV[3])
return 1
