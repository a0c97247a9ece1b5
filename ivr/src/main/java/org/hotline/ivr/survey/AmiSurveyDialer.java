package org.hotline.ivr.survey;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.asteriskjava.manager.DefaultManagerConnection;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.hotline.domain.survey.SurveyDialer;
import org.hotline.ivr.ami.AmiConfig;
import org.hotline.ivr.flow.DialTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places satisfaction call-backs with AMI {@code Originate}, logged in as the survey's own AMI
 * user, whose only write right is {@code originate} (read {@code call}, for the originate's
 * result): see {@code asterisk-config/manager.conf}.
 *
 * <p>The originated channel is the configured dial template with the caller's number; once the
 * caller answers it runs the dialplan context {@value #CONTEXT}, extension {@code s}, with
 * {@code TICKET_NUMBER}, {@code PANEL_USER} and {@code SURVEY_ATTEMPT} set, which hands the call
 * to the {@code survey} flow. It never originates with {@code Application=}: with CVE-2024-42365
 * an originate right could run a dialplan application with system rights, so the survey only
 * ever enters a fixed context. The number must be digits (3 to 20), the ticket number and
 * attempt id letters, digits and dashes.
 *
 * <p>The same user places the optional voice alert to a duty manager for an urgent ticket
 * ({@link #alertDuty}): context {@value #ALERT_CONTEXT}, extension {@code s}, with
 * {@code TICKET_NUMBER} set; the dialplan reads the number out and hangs up.
 *
 * <p>Each call waits for its {@code OriginateResponse} on a small pool of threads (the AMI
 * session itself is not blocked: the originate is asynchronous). The connection is made on first
 * use and again whenever it was lost. Thread-safe.
 */
public final class AmiSurveyDialer implements SurveyDialer, AutoCloseable {
    /** The dialplan context the call-back enters (asterisk-config/extensions.conf). */
    public static final String CONTEXT = "hotline-survey";
    /** The dialplan context of the duty manager's voice alert: it reads out the ticket number. */
    public static final String ALERT_CONTEXT = "hotline-duty-alert";
    private static final Logger log = LoggerFactory.getLogger(AmiSurveyDialer.class);
    private static final Pattern DIGITS = Pattern.compile("[0-9]{3,20}");
    /** A configured person's phone: digits with an optional leading {@code +}. */
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{3,20}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Duration RESPONSE_GRACE = Duration.ofSeconds(30);

    private final AmiConfig config;
    private final DialTemplate dial;
    private final String panelUser;
    private final Function<AmiConfig, ManagerConnection> connections;
    private final ExecutorService waiting = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "survey-originate");
        t.setDaemon(true);
        return t;
    });
    private ManagerConnection connection;

    /**
     * @param panelUser the actor name the flow records the caller's score as ({@code PANEL_USER})
     */
    public AmiSurveyDialer(AmiConfig config, DialTemplate dial, String panelUser) {
        this(config, dial, panelUser, c -> new DefaultManagerConnection(c.host(), c.port(), c.username(), c.secret()));
    }

    AmiSurveyDialer(AmiConfig config, DialTemplate dial, String panelUser,
            Function<AmiConfig, ManagerConnection> connections) {
        this.config = config;
        this.dial = dial;
        this.panelUser = panelUser;
        this.connections = connections;
    }

    @Override
    public CompletionStage<Outcome> dial(String ticketNumber, String number, String attemptId, Duration ring) {
        OriginateAction action = originate(ticketNumber, number, attemptId, ring);
        return CompletableFuture.supplyAsync(() -> place(action, ring), waiting);
    }

    /**
     * Calls the duty manager at {@code number} and reads out {@code ticketNumber} (the voice alert
     * of an urgent ticket). Completes with the originate's outcome; never fails.
     *
     * @throws IllegalArgumentException when the number is not 3-20 digits or the ticket number not a token
     */
    public CompletionStage<Outcome> alertDuty(String ticketNumber, String number, Duration ring) {
        OriginateAction action = alert(ticketNumber, number, ring);
        return CompletableFuture.supplyAsync(() -> place(action, ring), waiting);
    }

    /** The Originate of a voice alert: context and extension, never an application. */
    OriginateAction alert(String ticketNumber, String number, Duration ring) {
        if (number == null || !PHONE.matcher(number).matches()) {
            throw new IllegalArgumentException("refusing to call '" + number + "': a phone number is 3 to 20 digits "
                    + "with an optional leading +");
        }
        if (ticketNumber == null || !TOKEN.matcher(ticketNumber).matches()) {
            throw new IllegalArgumentException("a ticket number is letters, digits and dashes, got '" + ticketNumber + "'");
        }
        OriginateAction a = new OriginateAction();
        a.setChannel(dial.dialString(number));
        a.setContext(ALERT_CONTEXT);
        a.setExten("s");
        a.setPriority(1);
        a.setTimeout(ring.toMillis());
        a.setAsync(true);
        a.setVariables(Map.of("TICKET_NUMBER", ticketNumber));
        return a;
    }

    /** The Originate for one attempt: context and extension, never an application. */
    OriginateAction originate(String ticketNumber, String number, String attemptId, Duration ring) {
        if (number == null || !DIGITS.matcher(number).matches()) {
            throw new IllegalArgumentException("refusing to call back '" + number + "': a callback number is 3 to 20 digits");
        }
        if (ticketNumber == null || !TOKEN.matcher(ticketNumber).matches()
                || attemptId == null || !TOKEN.matcher(attemptId).matches()) {
            throw new IllegalArgumentException("a ticket number and attempt id are letters, digits and dashes, got '"
                    + ticketNumber + "' and '" + attemptId + "'");
        }
        OriginateAction a = new OriginateAction();
        a.setChannel(dial.dialString(number));
        a.setContext(CONTEXT);
        a.setExten("s");
        a.setPriority(1);
        a.setTimeout(ring.toMillis());
        a.setAsync(true);
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("TICKET_NUMBER", ticketNumber);
        vars.put("PANEL_USER", panelUser);
        vars.put("SURVEY_ATTEMPT", attemptId);
        a.setVariables(vars);
        return a;
    }

    private Outcome place(OriginateAction action, Duration ring) {
        ResponseEvents events;
        try {
            events = connected().sendEventGeneratingAction(action, ring.plus(RESPONSE_GRACE).toMillis());
        } catch (Exception e) {
            log.warn("{} call to {} not placed: {}", action.getContext(), action.getChannel(), e.toString());
            return new Outcome(Result.NOT_PLACED, "AMI: " + e.getMessage());
        }
        if (events.getResponse() != null && "Error".equalsIgnoreCase(events.getResponse().getResponse())) {
            return new Outcome(Result.NOT_PLACED, "Asterisk refused the originate: " + events.getResponse().getMessage());
        }
        for (ResponseEvent e : events.getEvents()) {
            if (e instanceof OriginateResponseEvent r) {
                if ("Success".equalsIgnoreCase(r.getResponse())) {
                    return new Outcome(Result.ANSWERED, "answered");
                }
                return new Outcome(Result.NOT_ANSWERED, reason(r.getReason()));
            }
        }
        return new Outcome(Result.NOT_PLACED, "Asterisk sent no originate result");
    }

    /** Asterisk's originate reason codes (AST_CONTROL_*) in words. */
    static String reason(Integer code) {
        if (code == null) {
            return "not answered";
        }
        return switch (code) {
            case 0 -> "the call could not be made (no such channel or number)";
            case 1 -> "hung up before answering";
            case 3 -> "rang without answer";
            case 5 -> "busy";
            case 8 -> "congestion";
            default -> "not answered (reason " + code + ")";
        };
    }

    private synchronized ManagerConnection connected() throws Exception {
        if (connection != null && connection.getState() == ManagerConnectionState.CONNECTED) {
            return connection;
        }
        if (connection != null) {
            try {
                connection.logoff();
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
        connection = connections.apply(config);
        connection.login();
        log.info("survey AMI connected to {}:{} as {}", config.host(), config.port(), config.username());
        return connection;
    }

    @Override
    public synchronized void close() {
        waiting.shutdownNow();
        if (connection != null && connection.getState() == ManagerConnectionState.CONNECTED) {
            try {
                connection.logoff();
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
        connection = null;
    }
}
