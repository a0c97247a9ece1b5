package org.hotline.ivr.ami;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which panel user works at which Asterisk device ({@code PJSIP/1001 -> alice}). Starts from
 * {@code asterisk.agents} in hotline.yaml; the app {@linkplain #replace replaces} the whole map
 * whenever an administrator sets a user's phone in the panel, so screen pops follow the panel's
 * map without a restart. Thread-safe: readers see one whole map or the next.
 */
public final class AgentDirectory {
    private volatile Map<String, String> userByDevice;

    /**
     * @param userByDevice device (as queues.conf names it, e.g. {@code PJSIP/1001}) to panel user
     * @throws IllegalArgumentException when a device or user is blank
     */
    public AgentDirectory(Map<String, String> userByDevice) {
        this.userByDevice = checked(userByDevice);
    }

    /** Replaces the whole map (the panel's phones changed). */
    public void replace(Map<String, String> userByDevice) {
        this.userByDevice = checked(userByDevice);
    }

    /** The current map, device to user. */
    public Map<String, String> asMap() {
        return userByDevice;
    }

    private static Map<String, String> checked(Map<String, String> userByDevice) {
        userByDevice.forEach((device, user) -> {
            if (device == null || device.isBlank() || user == null || user.isBlank()) {
                throw new IllegalArgumentException("asterisk.agents: device and user must not be blank (got '"
                        + device + "' -> '" + user + "')");
            }
        });
        return Map.copyOf(userByDevice);
    }

    /** The panel user at {@code device}, if the device is configured. */
    public Optional<String> userAt(String device) {
        if (device == null) {
            return Optional.empty();
        }
        Map<String, String> map = userByDevice;
        String user = map.get(device);
        if (user == null) {
            // Asterisk keeps the technology's case (PJSIP) but people write pjsip/1001 too.
            for (Map.Entry<String, String> e : map.entrySet()) {
                if (e.getKey().toLowerCase(Locale.ROOT).equals(device.toLowerCase(Locale.ROOT))) {
                    return Optional.of(e.getValue());
                }
            }
        }
        return Optional.ofNullable(user);
    }

    /** The device of the agent user, if mapped (for queue pause commands). */
    public Optional<String> deviceOf(String user) {
        return userByDevice.entrySet().stream().filter(e -> e.getValue().equals(user)).map(Map.Entry::getKey).findFirst();
    }

    /**
     * The device a channel belongs to: {@code PJSIP/1001-0000002a -> PJSIP/1001},
     * {@code Local/1001@agents-0000000a;1 -> Local/1001@agents}. Returns the input when it has
     * no such suffix; blank for null.
     */
    public static String deviceOfChannel(String channel) {
        if (channel == null) {
            return "";
        }
        String c = channel.strip();
        int semi = c.lastIndexOf(';');
        if (semi > 0 && semi == c.length() - 2 && Character.isDigit(c.charAt(c.length() - 1))) {
            c = c.substring(0, semi);
        }
        int dash = c.lastIndexOf('-');
        if (dash > c.indexOf('/') && dash < c.length() - 1 && c.substring(dash + 1).chars().allMatch(AgentDirectory::isHex)) {
            c = c.substring(0, dash);
        }
        return c;
    }

    private static boolean isHex(int ch) {
        return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
    }
}
