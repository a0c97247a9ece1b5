package org.hotline.panel;

import java.util.List;

/**
 * One dependency's readiness probe (PostgreSQL, Redis, AMI...). Called from a worker thread on
 * every {@code GET /health/ready}; it should answer within a second or two and never throw
 * (a throw is reported as down with the exception's message).
 */
@FunctionalInterface
public interface HealthCheck {

    /**
     * The probe's answer; {@code detail} is shown to operators ("connected", "timeout after 2 s"...),
     * {@code warnings} are what works but is missing (a prompt the PBX lacks), one line each.
     */
    record Status(boolean up, String detail, List<String> warnings) {
        public Status {
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }

        public Status(boolean up, String detail) {
            this(up, detail, List.of());
        }

        public static Status up(String detail) { return new Status(true, detail); }

        public static Status down(String detail) { return new Status(false, detail); }
    }

    Status check();
}
