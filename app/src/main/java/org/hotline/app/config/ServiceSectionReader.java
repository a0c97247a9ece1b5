package org.hotline.app.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the sections that configure the service around the routing core: {@code asterisk},
 * {@code storage} and {@code panel}. Each section may be left out; its defaults are then used.
 * Stateless.
 */
final class ServiceSectionReader {
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern HOST = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final Pattern DIAL = Pattern.compile("[A-Za-z0-9/@_.:+{}-]+");
    private static final Pattern DEVICE = Pattern.compile("[A-Za-z0-9]+/[A-Za-z0-9_.@-]+");
    private static final Pattern USER = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
    private static final Pattern AMI_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern POSTGRES_URL = Pattern.compile("jdbc:postgresql://\\S+");
    private static final Pattern REDIS_URL = Pattern.compile("rediss?://\\S+");
    private static final String IP = "an IP address such as 127.0.0.1";
    private static final String HOST_OR_IP = "a host name or IP address";

    AsteriskSection asterisk(YamlNode node) {
        if (node.isAbsent()) {
            return AsteriskSection.defaults();
        }
        return node.fields(Set.of("agi", "ami", "dial", "agents"), f -> new AsteriskSection(
                f.optional("agi", this::agi, AsteriskSection.Agi.defaults()),
                f.optional("ami", this::ami),
                f.optional("dial", this::dialTemplate, "PJSIP/" + AsteriskSection.NUMBER_PLACEHOLDER),
                f.optional("agents", n -> n.map((device, user) -> {
                    if (!DEVICE.matcher(device).matches()) {
                        throw user.fail("expected an Asterisk device such as PJSIP/1001 as the key, got "
                                + YamlNode.quote(device));
                    }
                    return user.matching(USER, "a panel user name (lower-case letters, digits, _ . -)");
                }), java.util.Map.of())));
    }

    private AsteriskSection.Agi agi(YamlNode node) {
        return node.fields(Set.of("bind", "port", "allowed-hosts", "max-calls", "dependency-timeout-ms",
                "dependency-threads", "io-threads"), f -> new AsteriskSection.Agi(
                f.optional("bind", this::ipAddress, "127.0.0.1"),
                f.optional("port", n -> port(n), AsteriskSection.Agi.DEFAULT_PORT),
                f.optional("allowed-hosts", n -> n.list(this::ipAddress), java.util.List.of("127.0.0.1")),
                f.optional("max-calls", n -> n.integer(1, 100_000, "a number of calls"),
                        AsteriskSection.Agi.DEFAULT_MAX_CALLS),
                f.optional("dependency-timeout-ms", n -> n.integer(100, 60_000, "milliseconds"),
                        AsteriskSection.Agi.DEFAULT_DEPENDENCY_TIMEOUT_MS),
                f.optional("dependency-threads", n -> n.integer(1, 1024, "a number of threads"),
                        AsteriskSection.Agi.DEFAULT_DEPENDENCY_THREADS),
                f.optional("io-threads", n -> n.integer(0, 256, "a number of threads (0: two per core)"), 0)));
    }

    AsteriskSection.Ami ami(YamlNode node) {
        return node.fields(Set.of("host", "port", "username", "secret"), f -> new AsteriskSection.Ami(
                f.optional("host", this::hostOrIp, "127.0.0.1"),
                f.optional("port", n -> n.integer(1, 65535, "a TCP port"), AsteriskSection.Ami.DEFAULT_PORT),
                f.required("username", n -> n.matching(AMI_NAME, "an AMI user name (letters, digits, _ . -)")),
                f.required("secret", YamlNode::string)));
    }

    private String dialTemplate(YamlNode node) {
        String template = node.matching(DIAL, "a dial string such as PJSIP/{number}@trunk "
                + "(letters, digits and / @ _ . : + - only)");
        int first = template.indexOf(AsteriskSection.NUMBER_PLACEHOLDER);
        if (first < 0 || first != template.lastIndexOf(AsteriskSection.NUMBER_PLACEHOLDER)
                || template.replace(AsteriskSection.NUMBER_PLACEHOLDER, "").matches(".*[{}].*")) {
            throw node.fail("expected a dial string containing {number} exactly once (and no other braces), got "
                    + YamlNode.quote(template));
        }
        return template;
    }

    StorageSection storage(YamlNode node) {
        if (node.isAbsent()) {
            return StorageSection.defaults();
        }
        return node.fields(Set.of("postgres-url", "postgres-user", "postgres-password", "postgres-owner-user",
                        "postgres-owner-password", "redis-url", "data-dir"),
                f -> {
                    var url = f.optional("postgres-url", n -> n.matching(POSTGRES_URL,
                            "a JDBC URL such as jdbc:postgresql://127.0.0.1:5432/hotline"));
                    var user = f.optional("postgres-user", YamlNode::string);
                    var password = f.optional("postgres-password", YamlNode::string);
                    var ownerUser = f.optional("postgres-owner-user", YamlNode::string);
                    var ownerPassword = f.optional("postgres-owner-password", YamlNode::string);
                    if (!f.node("postgres-url").isAbsent() && f.node("postgres-user").isAbsent()) {
                        f.fail(f.node("postgres-url"), "needs postgres-user as well (the role the service connects "
                                + "as); expected postgres-user and postgres-password beside it");
                    }
                    if (f.node("postgres-url").isAbsent()) {
                        for (String key : new String[] {"postgres-user", "postgres-password", "postgres-owner-user",
                                "postgres-owner-password"}) {
                            if (!f.node(key).isAbsent()) {
                                f.fail(f.node(key), "has no effect without postgres-url (the embedded server "
                                        + "chooses its own login); expected postgres-url as well, or neither");
                            }
                        }
                    }
                    return new StorageSection(url, user, password, ownerUser, ownerPassword,
                            f.optional("redis-url", n -> n.matching(REDIS_URL,
                                    "a Redis URL such as redis://127.0.0.1:6379")),
                            f.optional("data-dir", this::directory, StorageSection.DEFAULT_DATA_DIR));
                });
    }

    private Path directory(YamlNode node) {
        String text = node.string();
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw node.fail("expected a directory path, got " + YamlNode.quote(text));
        }
    }

    PanelSection panel(YamlNode node) {
        if (node.isAbsent()) {
            return PanelSection.defaults();
        }
        return node.fields(Set.of("bind", "port"), f -> new PanelSection(
                f.optional("bind", this::ipAddress, "127.0.0.1"),
                f.optional("port", ServiceSectionReader::port, PanelSection.DEFAULT_PORT)));
    }

    private static int port(YamlNode node) {
        return node.integer(0, 65535, "a TCP port (0: any free port)");
    }

    /** An IP literal; never resolved through DNS. */
    private String ipAddress(YamlNode node) {
        String text = node.matching(Pattern.compile("\\S+"), IP);
        if (IPV4.matcher(text).matches()) {
            return text;
        }
        if (IPV6.matcher(text).matches()) {
            try {
                InetAddress.getByName(text);
                return text;
            } catch (UnknownHostException | SecurityException e) {
                throw node.fail("expected " + IP + ", got " + YamlNode.quote(text));
            }
        }
        throw node.fail("expected " + IP + ", got " + YamlNode.quote(text));
    }

    private String hostOrIp(YamlNode node) {
        String text = node.matching(Pattern.compile("\\S+"), HOST_OR_IP);
        if (IPV4.matcher(text).matches() || HOST.matcher(text).matches()) {
            return text;
        }
        return ipAddress(node);
    }
}
