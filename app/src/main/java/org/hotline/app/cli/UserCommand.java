package org.hotline.app.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline.app.config.ConfigException;
import org.hotline.app.config.LoadedConfig;
import org.hotline.domain.config.Person;
import org.hotline.domain.store.StoreUnavailableException;
import org.hotline.domain.ticket.User;
import org.hotline.panel.PanelConfig;
import org.hotline.panel.auth.PasswordHasher;
import org.hotline.panel.users.InvalidFieldException;
import org.hotline.panel.users.UnknownUserException;
import org.hotline.panel.users.UserAdministration;
import org.hotline.panel.users.UserView;
import org.hotline.storage.DirectoryStorage;

/**
 * {@code user add|list|passwd|disable}: panel users from the command line, for the first setup
 * and for scripts. It works on the configured storage whether the service runs or not (see
 * {@link DirectoryStorage}), with the same rules as the panel ({@link UserAdministration}): a
 * password set here is one-time, a password change or deactivation ends the user's sessions in
 * every running instance, and every act is in the audit trail as actor {@code cli}.
 */
public final class UserCommand implements Command {
    private static final String ACTOR = "cli";

    @Override
    public String name() {
        return "user";
    }

    @Override
    public String summary() {
        return "add, list, reset the password of, or disable panel users";
    }

    @Override
    public String usage() {
        return """
                usage: java -jar hotline.jar user add --username NAME --name "DISPLAY NAME" --role ROLE
                                              [--department ID] [--phone DEVICE] [--roster-person ID] [--password P]
                       java -jar hotline.jar user list
                       java -jar hotline.jar user passwd NAME [--password P]
                       java -jar hotline.jar user disable NAME

                """ + ConfigFile.HELP + """

                  --role ROLE         agent, supervisor, duty_manager, tip_off_handler, senior_manager or admin
                  --phone DEVICE      the AMI device of the user's phone, e.g. PJSIP/1001
                  --roster-person ID  the configuration's people[].id this user is
                  --password P        a one-time password (at least 10 characters); generated and printed when omitted

                Works while the service runs on the same storage or not. Passwords set here must be changed at the
                next log-in; passwd and disable end the user's panel sessions everywhere.
                """;
    }

    @Override
    public int run(List<String> args, CommandContext context) throws UsageException, ConfigException {
        if (args.isEmpty() || args.get(0).startsWith("-")) {
            throw UsageException.usage("user needs an action: add, list, passwd or disable");
        }
        String action = args.get(0);
        List<String> rest = args.subList(1, args.size());
        Arguments a = switch (action) {
            case "add" -> Arguments.parse("user add", rest,
                    Set.of("config", "username", "name", "role", "department", "phone", "roster-person", "password"), Set.of(), 0);
            case "list" -> Arguments.parse("user list", rest, Set.of("config"), Set.of(), 0);
            case "passwd" -> Arguments.parse("user passwd", rest, Set.of("config", "password"), Set.of(), 1);
            case "disable" -> Arguments.parse("user disable", rest, Set.of("config"), Set.of(), 1);
            default -> throw UsageException.usage("unknown action " + Text.quote(action)
                    + " for user; expected add, list, passwd or disable");
        };
        if ((action.equals("passwd") || action.equals("disable")) && a.positional().isEmpty()) {
            throw UsageException.usage("user " + action + " needs the user name");
        }
        if (action.equals("add")) {
            a.required("username");
            a.required("name");
            a.required("role");
        }
        LoadedConfig config = ConfigFile.load(a.option("config"), context.clock());
        PanelConfig panel = config.panel();
        try (DirectoryStorage storage = DirectoryStorage.open(config.storage(), context.clock())) {
            UserAdministration admin = new UserAdministration(storage.users(), storage.departments(),
                    storage.sessions(panel.sessionIdleTimeout()), storage.audit(), new PasswordHasher(panel.bcryptCost()),
                    config.hotline().people().stream().map(Person::id).collect(Collectors.toSet()), context.clock());
            Object result = switch (action) {
                case "add" -> {
                    var created = admin.create(ACTOR, new UserAdministration.NewUser(a.option("username").orElseThrow(),
                            a.option("name").orElseThrow(), a.option("role").orElseThrow(), a.option("department").orElse(null),
                            a.option("phone").orElse(null), a.option("roster-person").orElse(null),
                            a.option("password").orElse(null)));
                    Map<String, Object> out = UserView.of(created.user());
                    created.oneTimePassword().ifPresent(p -> out.put("oneTimePassword", p));
                    yield out;
                }
                case "list" -> admin.list().stream().map(UserView::of).toList();
                case "passwd" -> {
                    String name = a.positional().get(0);
                    String p = admin.resetPassword(ACTOR, name, a.option("password").orElse(null));
                    Map<String, Object> out = UserView.of(admin.find(name));
                    if (a.option("password").isEmpty()) {
                        out.put("oneTimePassword", p);
                    }
                    yield out;
                }
                default -> UserView.of(admin.update(ACTOR, a.positional().get(0),
                        new UserAdministration.Change(null, null, null, null, null, false)));
            };
            JsonOutput.print(context.out(), result);
            return OK;
        } catch (InvalidFieldException e) {
            throw UsageException.badInput(e.getMessage());
        } catch (UnknownUserException e) {
            throw UsageException.badInput(e.getMessage());
        } catch (StoreUnavailableException | IllegalStateException e) {
            throw new ServiceStartException(e.getMessage(), e);
        }
    }


}
