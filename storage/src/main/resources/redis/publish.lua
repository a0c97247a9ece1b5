-- Appends one event to its stream and announces it on the feed, atomically (EventStream.FEED);
-- with a once-key, only if no event with that key was published within the window (several
-- instances following the same AMI events publish one screen pop per ring).
-- KEYS[1] the event's stream, KEYS[2] the feed stream, KEYS[3] (optional) the once-key
-- ARGV[1] the stream's approximate maximum length, ARGV[2] the feed's, ARGV[3] the stream key as
-- readers name it (without the hl:stream: prefix), ARGV[4] the once-key's window in ms (0: none),
-- ARGV[5..] the event's field/value pairs
-- Returns the new entry's id, or nil when the once-key was already taken.
if KEYS[3] then
  if not redis.call('SET', KEYS[3], '1', 'NX', 'PX', ARGV[4]) then
    return false
  end
end
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', unpack(ARGV, 5))
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', 'stream', ARGV[3], 'id', id)
return id
