/**
 * The storage module's entry: {@code Storage} starts PostgreSQL and Redis (embedded or external,
 * {@code StorageConfig}) and exposes the domain's store ports implemented on them.
 */
package org.hotline.storage;
