package org.hotline.app.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hotline.ivr.agi.FastAgiConfig;
import org.hotline.ivr.ami.AmiConfig;
import org.hotline.ivr.flow.DialTemplate;
import org.hotline.panel.PanelConfig;
import org.hotline.storage.StorageConfig;

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
    private static final Pattern ORIGIN = Pattern.compile("https?://[^/\\s]+");
    private static final Pattern PASSWORD = Pattern.compile(".{8,}");
    private static final Pattern DEVICE = Pattern.compile("[A-Za-z0-9]+/[A-Za-z0-9_.@-]+");
    private static final Pattern USER = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
    private static final Pattern AMI_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern POSTGRES_URL = Pattern.compile("jdbc:postgresql://\\S+");
    private static final Pattern REDIS_URL = Pattern.compile("(rediss?|redis-sentinel)://\\S+");
    private static final String IP = "an IP address such as 127.0.0.1";
    private static final String HOST_OR_IP = "a host name or IP address";

    AsteriskSection asterisk(YamlNode node) {
        if (node.isAbsent()) {
            return AsteriskSection.defaults();
        }
        return node.fields(Set.of("agi", "ami", "dial", "agents"), f -> new AsteriskSection(
                f.optional("agi", this::agi, FastAgiConfig.defaults()),
                f.optional("ami", this::amis, List.of()),
                f.optional("dial", this::dialTemplate, DialTemplate.DEFAULT),
                f.optional("agents", n -> n.map((device, user) -> {
                    if (!DEVICE.matcher(device).matches()) {
                        throw user.fail("expected an Asterisk device such as PJSIP/1001 as the key, got "
                                + YamlNode.quote(device));
                    }
                    return user.matching(USER, "a panel user name (lower-case letters, digits, _ . -)");
                }), Map.of())));
    }

    private FastAgiConfig agi(YamlNode node) {
        return node.fields(Set.of("bind", "port", "allowed-hosts", "max-calls", "dependency-timeout-ms",
                "dependency-threads", "io-threads"), f -> new FastAgiConfig(
                f.optional("bind", this::ipAddress, FastAgiConfig.DEFAULT_BIND),
                f.optional("port", ServiceSectionReader::port, FastAgiConfig.DEFAULT_PORT),
                f.optional("allowed-hosts", n -> n.nonEmptyList(this::ipAddress,
                        "at least the Asterisk host (FastAGI has no authentication)"),
                        FastAgiConfig.DEFAULT_ALLOWED_HOSTS),
                f.optional("max-calls", n -> n.integer(1, 100_000, "a number of calls"),
                        FastAgiConfig.DEFAULT_MAX_CALLS),
                f.optional("dependency-timeout-ms", n -> Duration.ofMillis(n.integer(100, 60_000, "milliseconds")),
                        FastAgiConfig.DEFAULT_DEPENDENCY_TIMEOUT),
                f.optional("dependency-threads", n -> n.integer(1, 1024, "a number of threads"),
                        FastAgiConfig.DEFAULT_DEPENDENCY_THREADS),
                f.optional("io-threads", n -> n.integer(0, 256, "a number of threads (0: two per core)"),
                        FastAgiConfig.DEFAULT_IO_THREADS)));
    }

    /**
     * One PBX ({@code ami:} a mapping) or several ({@code ami:} a list of mappings), each PBX once:
     * the same host and port twice would pop every ring twice.
     */
    private List<AmiConfig> amis(YamlNode node) {
        if (node.isMapping()) {
            return List.of(ami(node));
        }
        List<AmiConfig> list = node.nonEmptyList(this::ami, "one mapping per PBX (host, port, username, secret)");
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String address = list.get(i).host() + ":" + list.get(i).port();
            if (!seen.add(address)) {
                throw node.element(i).fail("the PBX " + address + " is listed twice");
            }
        }
        return list;
    }

    AmiConfig ami(YamlNode node) {
        return node.fields(Set.of("host", "port", "username", "secret"), f -> AmiConfig.of(
                f.optional("host", this::hostOrIp, AmiConfig.DEFAULT_HOST),
                f.optional("port", n -> n.integer(1, 65535, "a TCP port"), AmiConfig.DEFAULT_PORT),
                f.required("username", n -> n.matching(AMI_NAME, "an AMI user name (letters, digits, _ . -)")),
                f.required("secret", YamlNode::string)));
    }

    /** {@link DialTemplate#problem} is the rule; this only places its message at the line. */
    private DialTemplate dialTemplate(YamlNode node) {
        String template = node.string();
        DialTemplate.problem(template).ifPresent(problem -> {
            throw node.fail(problem);
        });
        return new DialTemplate(template);
    }

    /** cdr_pgsql.conf takes the password as a bare value: nothing it would split on or unquote. */
    private static final Pattern CDR_PASSWORD = Pattern.compile("[^\\s'\"\\\\;]{8,100}");

    StorageConfig storage(YamlNode node) {
        if (node.isAbsent()) {
            return StorageConfig.embedded(StorageConfig.DEFAULT_DATA_DIR);
        }
        return node.fields(Set.of("postgres-url", "postgres-user", "postgres-password", "postgres-owner-user",
                        "postgres-owner-password", "redis-url", "data-dir", "cdr-password"),
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
                    return new StorageConfig(url.orElse(null), user.orElse(null), password.orElse(null),
                            ownerUser.orElse(null), ownerPassword.orElse(null),
                            f.optional("redis-url", n -> n.matching(REDIS_URL,
                                    "a Redis URL such as redis://127.0.0.1:6379, or redis-sentinel://10.0.0.11:26379,10.0.0.12:26379/hotline for Sentinel")).orElse(null),
                            f.optional("data-dir", this::directory, StorageConfig.DEFAULT_DATA_DIR),
                            StorageConfig.Tuning.defaults(),
                            f.optional("cdr-password", n -> n.matching(CDR_PASSWORD,
                                    "a password of 8 to 100 characters without quotes, backslashes or spaces"))
                                    .orElse(null));
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

    PanelConfig panel(YamlNode node) {
        if (node.isAbsent()) {
            return PanelConfig.defaults();
        }
        return node.fields(Set.of("bind", "port", "secure-cookies", "allowed-origins", "session-idle",
                "max-request-bytes", "max-header-bytes", "max-json-depth", "login-burst", "login-refill",
                "worker-threads", "bcrypt-cost", "admin-password"), f -> new PanelConfig(
                f.optional("bind", this::ipAddress, PanelConfig.DEFAULT_BIND),
                f.optional("port", ServiceSectionReader::port, PanelConfig.DEFAULT_PORT),
                f.optional("secure-cookies", YamlNode::bool, false),
                f.optional("allowed-origins", n -> n.list(o -> o.matching(ORIGIN,
                        "an origin such as https://panel.example.org[:port] (no path)")), List.of()),
                f.optional("session-idle", n -> n.duration(Duration.ofMinutes(1), Duration.ofDays(1)),
                        PanelConfig.DEFAULT_SESSION_IDLE),
                f.optional("max-request-bytes", n -> n.integer(1024, 64 * 1024 * 1024, "a number of bytes"),
                        PanelConfig.DEFAULT_MAX_REQUEST_BYTES),
                f.optional("max-header-bytes", n -> n.integer(1024, 1024 * 1024, "a number of bytes"),
                        PanelConfig.DEFAULT_MAX_HEADER_BYTES),
                f.optional("max-json-depth", n -> n.integer(4, 1000, "a nesting depth"),
                        PanelConfig.DEFAULT_MAX_JSON_DEPTH),
                f.optional("login-burst", n -> n.integer(1, 1000, "a number of log-in attempts"),
                        PanelConfig.DEFAULT_LOGIN_BURST),
                f.optional("login-refill", n -> n.duration(Duration.ofMillis(1), Duration.ofHours(1)),
                        PanelConfig.DEFAULT_LOGIN_REFILL),
                f.optional("worker-threads", n -> n.integer(1, 1024, "a number of threads"),
                        PanelConfig.DEFAULT_WORKER_THREADS),
                f.optional("bcrypt-cost", n -> n.integer(10, 14, "a bcrypt cost"), PanelConfig.DEFAULT_BCRYPT_COST),
                f.optional("admin-password", n -> n.matching(PASSWORD, "a password of at least 8 characters"))));
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
