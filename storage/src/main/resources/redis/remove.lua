-- Remove a ticket from its queue and any lease (it no longer awaits an agent).
-- KEYS[1] lease zset   KEYS[2] lease info hash   KEYS[3] where hash
-- ARGV[1] ticket   ARGV[2] queue key prefix
-- Returns 1 when something was removed.
local removed = 0
local queue = redis.call('HGET', KEYS[3], ARGV[1])
if queue then
  removed = removed + redis.call('ZREM', ARGV[2] .. queue, ARGV[1])
end
removed = removed + redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
if removed > 0 then return 1 else return 0 end
