package org.hotline.ivr.pbx;

import java.io.IOException;
import java.util.Optional;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.action.GetVarAction;
import org.asteriskjava.manager.response.GetVarResponse;
import org.asteriskjava.manager.response.ManagerResponse;

/**
 * {@link PbxVariables} over a logged-in AMI connection (Getvar without a channel): either one
 * the caller keeps ({@link #AmiPbxVariables(ManagerConnection)}, the service's AMI client), or
 * its own ({@link #login}), logged off by {@link #close()}. Thread-safe as Asterisk-Java's
 * connection is.
 */
public final class AmiPbxVariables implements PbxVariables, AutoCloseable {
    private static final long TIMEOUT_MS = 3000;

    private final ManagerConnection connection;
    private final boolean owned;

    /** Over a connection someone else logs in and off. */
    public AmiPbxVariables(ManagerConnection connection) {
        this(connection, false);
    }

    private AmiPbxVariables(ManagerConnection connection, boolean owned) {
        this.connection = connection;
        this.owned = owned;
    }

    /**
     * Logs in to AMI at {@code host:port} as {@code user}.
     *
     * @throws IOException with what went wrong (unreachable, refused login)
     */
    public static AmiPbxVariables login(String host, int port, String user, String secret) throws IOException {
        ManagerConnection c = new org.asteriskjava.manager.DefaultManagerConnection(host, port, user, secret);
        try {
            c.login();
        } catch (org.asteriskjava.manager.AuthenticationFailedException e) {
            throw new IOException("AMI at " + host + ":" + port + " refused the login of '" + user
                    + "' (check asterisk.ami.username/secret against manager.conf)", e);
        } catch (org.asteriskjava.manager.TimeoutException | IOException | IllegalStateException e) {
            throw new IOException("cannot reach AMI at " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return new AmiPbxVariables(c, true);
    }

    @Override
    public void close() {
        if (owned) {
            try {
                connection.logoff();
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
    }

    @Override
    public Optional<String> get(String expression) throws IOException {
        ManagerResponse r;
        try {
            r = connection.sendAction(new GetVarAction(expression), TIMEOUT_MS);
        } catch (org.asteriskjava.manager.TimeoutException e) {
            throw new IOException("AMI Getvar " + expression + " timed out after " + TIMEOUT_MS + " ms", e);
        } catch (IllegalStateException e) {
            throw new IOException("AMI is not connected: " + e.getMessage(), e);
        }
        if (!"Success".equalsIgnoreCase(r.getResponse())) {
            return Optional.empty();
        }
        String value = r instanceof GetVarResponse g ? g.getValue() : r.getAttribute("value");
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
