package org.hotline.storage.pg;

import java.util.Objects;

/** A JDBC URL and the credentials of one role. The password may be {@code null} (trust / peer auth). */
public record PgEndpoint(String url, String user, String password) {
    public PgEndpoint {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
    }

    @Override
    public String toString() {
        return user + "@" + url;
    }
}
