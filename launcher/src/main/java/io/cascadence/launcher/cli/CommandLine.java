package io.cascadence.launcher.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed {@code bin/task} command line: the sub-command, its positional arguments and its options.
 *
 * @param command the sub-command
 * @param arguments positional arguments after it
 * @param options {@code --name value} options, by name without dashes
 */
record CommandLine(String command, List<String> arguments, Map<String, String> options) {

    /** Options that take a value, per sub-command. */
    private static final Map<String, Set<String>> OPTIONS = Map.of(
            "list", Set.of(),
            "run", Set.of("user-id", "group-id"),
            "runs", Set.of("limit", "offset"),
            "pause", Set.of("run-id"),
            "resume", Set.of("run-id"),
            "disable", Set.of(),
            "enable", Set.of(),
            "config", Set.of());

    private static final Map<String, Integer> ARITY = Map.of("list", 0, "run", 1, "runs", 1, "pause", 1,
            "resume", 1, "disable", 1, "enable", 1, "config", 0);

    static final String USAGE = String.join("\n",
            "Usage: task COMMAND [ARGS]",
            "",
            "Commands:",
            "  list                                      show all registered tasks: <name> TAB <enabled|disabled>",
            "  run NAME [--user-id ID] [--group-id ID]   run a task now and print run-id TAB <uuid>",
            "  runs NAME [--limit N] [--offset N]        the task's runs, newest first:",
            "                                            <run-id> TAB <status> TAB <started> TAB <ms> [TAB <error>]",
            "  pause NAME [--run-id ID]                  refuse new runs of a task, or hold one run in progress",
            "  resume NAME [--run-id ID]                 undo pause",
            "  disable NAME                              refuse runs of a task until it is enabled",
            "  enable NAME                               undo disable",
            "  config                                    show the effective configuration and where each value came from",
            "",
            "With a container of this installation running, commands act on it; otherwise task starts what it",
            "needs itself, on the same data/.");

    static CommandLine parse(String[] args) {
        if (args.length == 0) {
            throw new UsageException("Missing command.");
        }
        String command = args[0];
        if (!OPTIONS.containsKey(command)) {
            throw new UsageException("No such command '" + command + "'.");
        }
        List<String> arguments = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--")) {
                String name = arg.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (!OPTIONS.get(command).contains(name)) {
                    throw new UsageException("No such option: --" + name);
                }
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new UsageException("Option '--" + name + "' requires an argument.");
                    }
                    value = args[++i];
                }
                options.put(name, value);
            } else {
                arguments.add(arg);
            }
        }
        int arity = ARITY.get(command);
        if (arguments.size() < arity) {
            throw new UsageException("Missing argument 'NAME'.");
        }
        if (arguments.size() > arity) {
            throw new UsageException("Got unexpected extra argument (" + arguments.get(arity) + ")");
        }
        return new CommandLine(command, List.copyOf(arguments), Map.copyOf(options));
    }

    /** The command line is wrong; exit status 2 with usage, like the original's CLI. */
    static final class UsageException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
