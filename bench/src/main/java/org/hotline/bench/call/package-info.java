/**
 * The production call path under load (issue 12): {@link org.hotline.bench.call.CallPathBench}
 * starts the real service ({@code hotline.jar run}) and plays Asterisk to its {@code hotline}
 * flow over FastAGI, and in the same run to Asterisk-Java's {@code DefaultAgiServer} running
 * {@link org.hotline.bench.call.JdbcCallScript}, which writes the same rows with plain JDBC.
 */
package org.hotline.bench.call;
