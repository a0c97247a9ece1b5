package org.hotline.panel;

/**
 * One dependency's readiness probe (PostgreSQL, Redis, AMI...). Called from a worker thread on
 * every {@code GET /health/ready}; it should answer within a second or two and never throw
 * (a throw is reported as down with the exception's message).
 */
@FunctionalInterface
public interface HealthCheck {

    /** The probe's answer; {@code detail} is shown to operators ("connected", "timeout after 2 s"...). */
    record Status(boolean up, String detail) {
        public static Status up(String detail) { return new Status(true, detail); }

        public static Status down(String detail) { return new Status(false, detail); }
    }

    Status check();
}
