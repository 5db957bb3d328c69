package io.cascadence.shell.impl;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.cascadence.api.Identity;
import io.cascadence.api.InvalidRequestException;
import io.cascadence.api.PointerStore;

/**
 * {@code task:pointer-add NAME USER_ID RUN_ID [-g GROUP_ID]}, {@code task:pointer-list [-u USER_ID] [-g GROUP_ID]
 * NAME} and {@code task:pointer-receive NAME RUN_ID USER_HASH [-g GROUP_ID]}: the original's pointer commands, with
 * the same output as {@code bin/task} ({@code pointer added}, {@code <run_id> TAB <user_hash>} lines,
 * {@code pointer stored}), over the {@link PointerStore}. Their names have a dash, so Gogo hands them to
 * {@link #_main} ({@link ShellArguments}).
 */
@Component(service = PointerCommands.class, property = {
    "osgi.command.scope=task",
    "osgi.command.function=pointer-add",
    "osgi.command.function=pointer-list",
    "osgi.command.function=pointer-receive"
})
public class PointerCommands {

    private static final Map<String, String> GROUP = Map.of("group-id", "g");
    private static final Map<String, String> USER_AND_GROUP = Map.of("user-id", "u", "group-id", "g");

    @Reference
    private PointerStore pointers;

    /**
     * Gogo's entry for a command whose name is not a Java method name.
     *
     * @param command the command's name, {@code pointer-add} ...
     * @param words what followed it
     */
    @Descriptor("pointer-add NAME USER_ID RUN_ID [-g GROUP_ID]: record a run of a pointer task for a user; "
            + "pointer-list [-u USER_ID] [-g GROUP_ID] NAME: <run_id> TAB <user_hash> lines; "
            + "pointer-receive NAME RUN_ID USER_HASH [-g GROUP_ID]: store a pointer from another instance")
    public String _main(String command, String... words) {
        List<String> given = List.of(words);
        return switch (command) {
            case "pointer-add" -> add(ShellArguments.parse(command, given, GROUP,
                    List.of("NAME", "USER_ID", "RUN_ID")));
            case "pointer-list" -> list(ShellArguments.parse(command, given, USER_AND_GROUP, List.of("NAME")));
            case "pointer-receive" -> receive(ShellArguments.parse(command, given, GROUP,
                    List.of("NAME", "RUN_ID", "USER_HASH")));
            default -> throw new InvalidRequestException("no such command: task:" + command);
        };
    }

    private String add(ShellArguments arguments) {
        List<String> words = arguments.positional();
        pointers.add(words.get(0), words.get(2), new Identity(words.get(1), arguments.option("group-id")));
        return "pointer added";
    }

    /** The caller's pointers, as {@code GET /pointers/NAME} answers them: a user is needed. */
    private String list(ShellArguments arguments) {
        String user = arguments.option("user-id");
        if (user == null || user.isBlank()) {
            throw new InvalidRequestException("pointer-list: a user is needed (-u USER_ID): pointers are listed "
                    + "for one user");
        }
        return pointers.pointers(arguments.positional().get(0), new Identity(user, arguments.option("group-id")))
                .stream().map(p -> p.runId() + "\t" + p.userHash()).collect(Collectors.joining("\n"));
    }

    private String receive(ShellArguments arguments) {
        List<String> words = arguments.positional();
        pointers.receive(words.get(0), words.get(1), words.get(2), arguments.option("group-id"));
        return "pointer stored";
    }
}
