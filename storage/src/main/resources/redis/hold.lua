-- Start or renew an agent's hold on a claimed ticket they are working.
-- KEYS[1] hold zset (ticket -> hold expiry ms)   KEYS[2] hold agent hash (ticket -> agent)
-- ARGV[1] ticket   ARGV[2] agent   ARGV[3] expiry ms
-- Returns 1, or 0 (nothing changed) when another agent holds the ticket.
local holder = redis.call('HGET', KEYS[2], ARGV[1])
if holder and holder ~= ARGV[2] then
  return 0
end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
return 1
