-- Claim the best waiting ticket among several queues and lease it to one agent, atomically.
-- Expired leases are first returned to their queues (so a dead agent's ticket is claimable).
-- KEYS[1] lease zset (ticket -> lease expiry ms)   KEYS[2] lease info hash (ticket -> "score|queue|agent|token")
-- KEYS[3..] queue zsets (ticket -> priority score, lower first)
-- ARGV[1] now ms   ARGV[2] lease ms   ARGV[3] agent id   ARGV[4] token   ARGV[5] queue key prefix
-- Returns {ticket, queue, lease expiry ms} or false when every queue is empty.
local expired = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
for _, id in ipairs(expired) do
  local info = redis.call('HGET', KEYS[2], id)
  if info then
    local score, queue = string.match(info, '^([^|]+)|([^|]+)|')
    redis.call('ZADD', ARGV[5] .. queue, score, id)
  end
  redis.call('ZREM', KEYS[1], id)
  redis.call('HDEL', KEYS[2], id)
end
local best, bestScore, bestScoreText, bestKey = nil, nil, nil, nil
for i = 3, #KEYS do
  local top = redis.call('ZRANGE', KEYS[i], 0, 0, 'WITHSCORES')
  if top[1] then
    local s = tonumber(top[2])
    if best == nil or s < bestScore or (s == bestScore and top[1] < best) then
      best, bestScore, bestScoreText, bestKey = top[1], s, top[2], KEYS[i]
    end
  end
end
if best == nil then
  return false
end
redis.call('ZREM', bestKey, best)
local expiry = tonumber(ARGV[1]) + tonumber(ARGV[2])
redis.call('ZADD', KEYS[1], expiry, best)
local queue = string.sub(bestKey, string.len(ARGV[5]) + 1)
redis.call('HSET', KEYS[2], best, bestScoreText .. '|' .. queue .. '|' .. ARGV[3] .. '|' .. ARGV[4])
return {best, queue, tostring(expiry)}
