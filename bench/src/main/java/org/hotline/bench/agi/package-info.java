/**
 * The FastAGI load benchmark (BENCHMARKS.md, ivr/BENCHMARKS-ivr.md): {@link
 * org.hotline.bench.agi.AgiLoadDriver} plays Asterisk against the hotline server, Asterisk-Java's
 * {@code DefaultAgiServer} and a floor server, each in its own JVM ({@code BenchServer}).
 */
package org.hotline.bench.agi;
