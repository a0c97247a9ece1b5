/**
 * PostgreSQL, the source of truth: tickets and their append-only history, users, departments,
 * handovers, duty overrides, the outbox relay to Redis, the schema (Flyway migrations in
 * {@code db/migration}).
 */
package org.hotline.storage.pg;
