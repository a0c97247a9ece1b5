/**
 * Redis, what is live: the dispatch queue with leases (each Lua script in
 * {@code redis/*.lua} wrapped by one small class), event streams, presence, and the rebuild from
 * PostgreSQL when Redis lost its data.
 */
package org.hotline.storage.redis;
