/**
 * The embedded PostgreSQL and Redis servers of the zero-configuration start.
 */
package org.hotline.storage.embedded;
