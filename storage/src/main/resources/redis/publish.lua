-- Appends one event to its stream and announces it on the feed, atomically (EventStream.FEED).
-- KEYS[1] the event's stream, KEYS[2] the feed stream
-- ARGV[1] the stream's approximate maximum length, ARGV[2] the feed's, ARGV[3] the stream key as
-- readers name it (without the hl:stream: prefix), ARGV[4..] the event's field/value pairs
-- Returns the new entry's id.
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', unpack(ARGV, 4))
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', 'stream', ARGV[3], 'id', id)
return id
