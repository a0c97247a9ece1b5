package org.hotline.ivr.agi;

import java.util.Map;
import java.util.Optional;

/**
 * The AGI environment block Asterisk sends when a call enters {@code AGI(agi://...)}: the
 * {@code agi_xxx: value} lines up to the first blank line, keyed without the {@code agi_}
 * prefix ({@code network_script}, {@code callerid}, {@code dnid}, {@code extension},
 * {@code uniqueid}, {@code channel}, {@code arg_1}...).
 *
 * <p>Immutable. The values are what Asterisk reported about the caller: untrusted input.
 */
public record AgiRequest(Map<String, String> environment) {

    public AgiRequest {
        environment = Map.copyOf(environment);
    }

    public String get(String key) {
        return environment.getOrDefault(key, "");
    }

    /**
     * The flow name: the first path segment of {@code agi_network_script}, i.e. {@code hotline}
     * for {@code agi://host/hotline} or {@code agi://host/hotline?x=y}; empty when there is none.
     */
    public String flowName() {
        String script = get("network_script");
        int end = script.length();
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            if (c == '?' || c == '/') {
                end = i;
                break;
            }
        }
        return script.substring(0, end);
    }

    /** The channel's unique id, e.g. {@code 1732456789.42}. */
    public String uniqueId() {
        return get("uniqueid");
    }

    /** The channel name, e.g. {@code PJSIP/trunk-00000012}. */
    public String channel() {
        return get("channel");
    }

    /** The caller's number as Asterisk knows it; empty when withheld ({@code unknown}). */
    public Optional<String> callerId() {
        String id = get("callerid");
        return id.isEmpty() || id.equalsIgnoreCase("unknown") ? Optional.empty() : Optional.of(id);
    }

    /**
     * The number the caller dialled: {@code agi_arg_1} when the dialplan passes it, else
     * {@code agi_dnid}, else {@code agi_extension}.
     */
    public String dialledNumber() {
        for (String key : new String[] {"arg_1", "dnid", "extension"}) {
            String value = get(key);
            if (!value.isEmpty() && !value.equalsIgnoreCase("unknown")) {
                return value;
            }
        }
        return "";
    }
}
