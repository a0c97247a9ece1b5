-- Remove and return holds that expired, so that exactly one caller gives each ticket back.
-- KEYS[1] hold zset   KEYS[2] hold agent hash
-- ARGV[1] now ms   ARGV[2] at most this many
-- Returns a flat list {ticket, agent, expiry ms, ...}.
local expired = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'WITHSCORES', 'LIMIT', 0, tonumber(ARGV[2]))
local out = {}
for i = 1, #expired, 2 do
  local id = expired[i]
  local agent = redis.call('HGET', KEYS[2], id)
  redis.call('ZREM', KEYS[1], id)
  redis.call('HDEL', KEYS[2], id)
  if agent then
    table.insert(out, id)
    table.insert(out, agent)
    table.insert(out, expired[i + 1])
  end
end
return out
