/**
 * The intake spool: while PostgreSQL is unreachable, a call's intake is written to a local
 * fsync'ed file ({@code IntakeSpool}) and replayed when it is back.
 */
package org.hotline.storage.spool;
