/**
 * The ticket-intake and dispatch-queue benchmark (storage/BENCHMARKS-storage.md): {@link
 * org.hotline.bench.intake.IntakeBench} against pgbench on the same embedded PostgreSQL.
 */
package org.hotline.bench.intake;
