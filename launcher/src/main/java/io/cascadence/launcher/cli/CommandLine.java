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
 * @param options {@code --name value} options, by name without dashes; {@code --job-id} is kept as {@code run-id},
 *        and {@code --input} holds the JSON text (read from its file for {@code @file})
 */
record CommandLine(String command, List<String> arguments, Map<String, String> options) {

    /**
     * Options every command takes, as the original's: who the request is for, sent as {@code X-User-ID} and
     * {@code X-Group-ID}.
     */
    static final Set<String> IDENTITY = Set.of("user-id", "group-id");

    /**
     * Options every command takes that are not sent as headers of their own: {@code --token}, the API token sent as
     * {@code Authorization: Bearer} (default: {@code CASCADENCE_API_TOKEN}).
     */
    static final Set<String> GLOBAL = Set.of("token");

    /** A sub-command's positional arguments (by the names usage errors give them) and its own options. */
    private record Spec(List<String> arguments, Set<String> options) {
    }

    private static final Map<String, Spec> COMMANDS = Map.ofEntries(
            Map.entry("list", new Spec(List.of(), Set.of())),
            Map.entry("run", new Spec(List.of("NAME"), Set.of("input", "temporal"))),
            Map.entry("runs", new Spec(List.of("NAME"), Set.of("limit", "offset"))),
            Map.entry("pause", new Spec(List.of("NAME"), Set.of("run-id", "job-id"))),
            Map.entry("resume", new Spec(List.of("NAME"), Set.of("run-id", "job-id"))),
            Map.entry("disable", new Spec(List.of("NAME"), Set.of())),
            Map.entry("enable", new Spec(List.of("NAME"), Set.of())),
            Map.entry("cancel", new Spec(List.of("RUN_ID"), Set.of())),
            Map.entry("config", new Spec(List.of(), Set.of())),
            Map.entry("schedule", new Spec(List.of("NAME", "EXPRESSION"), Set.of("timezone", "misfire", "overlap"))),
            Map.entry("unschedule", new Spec(List.of("NAME"), Set.of())),
            Map.entry("schedules", new Spec(List.of(), Set.of())),
            Map.entry("webhook", new Spec(List.of(), Set.of("host", "port"))),
            Map.entry("trigger", new Spec(List.of("NAME"), Set.of())),
            Map.entry("pointer-add", new Spec(List.of("NAME", "USER_ID", "RUN_ID"), Set.of())),
            Map.entry("pointer-list", new Spec(List.of("NAME"), Set.of())),
            Map.entry("pointer-receive", new Spec(List.of("NAME", "RUN_ID", "USER_HASH"), Set.of())),
            Map.entry("pointer-sync", new Spec(List.of(), Set.of())),
            Map.entry("watch-plugins", new Spec(List.of("DIR"), Set.of())),
            Map.entry("export-n8n", new Spec(List.of("FILE"), Set.of("base-url"))),
            Map.entry("ai-idea", new Spec(List.of("TEXT"), Set.of())),
            Map.entry("replay-history", new Spec(List.of("FILE"), Set.of())));

    /** Options that take no value: given, they are {@code true}. */
    private static final Set<String> FLAGS = Set.of("temporal");

    /** Arguments that may be left out, and what they then are: the original's watch-plugins watched "." . */
    private static final Map<String, List<String>> DEFAULT_ARGUMENTS = Map.of("watch-plugins", List.of("."));

    static final String USAGE = String.join("\n",
            "Usage: task [--metrics-port PORT] [--transport grpc|nats] [--grpc-stub TARGET] [--grpc-method NAME]",
            "            [--nats-url URL] [--nats-subject SUBJECT] COMMAND [ARGS] [--user-id ID] [--group-id ID]",
            "            [--token TOKEN]",
            "",
            "Commands:",
            "  list                                      show all registered tasks: <name> TAB <enabled|disabled>",
            "  run NAME [--input JSON|@FILE] [--temporal]",
            "                                            run a task now and print run-id TAB <uuid>; --input is the",
            "                                            run's input, JSON text or @ and a file holding it;",
            "                                            --temporal runs it on the Temporal backend",
            "  runs NAME [--limit N] [--offset N]        the task's runs, newest first:",
            "                                            <run-id> TAB <status> TAB <started> TAB <ms> [TAB <stage>: <error>]",
            "  pause NAME [--run-id ID]                  refuse new runs of a task, or hold one run in progress",
            "  resume NAME [--run-id ID]                 undo pause",
            "  disable NAME                              refuse runs of a task until it is enabled",
            "  enable NAME                               undo disable",
            "  cancel RUN_ID                             cancel a run that is queued or running",
            "  config                                    the effective configuration of every PID:",
            "                                            <pid> TAB <key> TAB <value> TAB <source> TAB <live|at start>",
            "  schedule NAME EXPRESSION [--timezone Z] [--misfire P] [--overlap P]",
            "                                            give a task a cron schedule, for --user-id/--group-id;",
            "                                            quote EXPRESSION ('0 9 * * MON-FRI', @daily). Prints",
            "                                            NAME scheduled: EXPRESSION, then next fire: <UTC time>.",
            "                                            --timezone: an IANA zone (default: the scheduler's);",
            "                                            --misfire: skip, run_once or run_all (missed fires);",
            "                                            --overlap: skip, queue_one or allow (a fire while the",
            "                                            previous scheduled run goes on)",
            "  unschedule NAME                           remove a task's schedule; the task stays registered",
            "  schedules                                 list the schedules: <name> TAB <expression> TAB",
            "                                            <next fire, ISO-8601 UTC, or -> [TAB <own time zone>]",
            "  webhook [--host H] [--port P]             serve the webhook endpoints (POST /webhook/SOURCE) on",
            "                                            H:P (default 0.0.0.0:8000) in the foreground, until",
            "                                            Ctrl-C; nothing else is served there",
            "  trigger NAME                              run a manual-trigger task now: run id: <uuid>",
            "  pointer-add NAME USER_ID RUN_ID           record that USER_ID has run RUN_ID of pointer task NAME",
            "  pointer-list NAME --user-id ID            the user's pointers: <run_id> TAB <user_hash>",
            "  pointer-receive NAME RUN_ID USER_HASH     store a pointer received from another instance",
            "  pointer-sync                              store the pointer updates other instances send over the",
            "                                            UME transport, in the foreground until Ctrl-C",
            "  watch-plugins [DIR]                       deploy the plugin bundles of DIR (default: .) too, until",
            "                                            Ctrl+C; they are uninstalled then",
            "  export-n8n FILE [--base-url URL]          write the tasks as an n8n workflow to FILE; its nodes call",
            "                                            URL (default: this installation's container address)",
            "  ai-idea TEXT                              keep an idea (quote TEXT) in data/ideas.yml, for",
            "                                            --user-id/--group-id, hashed",
            "  replay-history FILE                       replay an exported Temporal history of a run against",
            "                                            this code: deterministic, or error: and the difference",
            "",
            "Every command takes --user-id and --group-id: who the request is for (X-User-ID, X-Group-ID).",
            "task COMMAND --help describes one command: its arguments, options, output and exit codes.",
            "--job-id is another name for --run-id.",
            "--token TOKEN (default: $CASCADENCE_API_TOKEN) is sent as the API token (Authorization: Bearer),",
            "which a running container needs when its api_tokens is set.",
            "--metrics-port PORT (before the command) also serves Prometheus metrics at /metrics on PORT while",
            "the command runs; a running container serves its own (task says where).",
            "--transport grpc|nats, --grpc-stub TARGET, --grpc-method NAME, --nats-url URL and --nats-subject",
            "SUBJECT (before the command) set the UME transport (UME_TRANSPORT, UME_GRPC_STUB, UME_GRPC_METHOD,",
            "UME_NATS_CONN, UME_NATS_SUBJECT) of the container the command starts; a running container keeps its",
            "own (config/io.cascadence.transport.cfg).",
            "",
            "With a container of this installation running, commands act on it; otherwise task starts what it",
            "needs itself, on the same data/.");

    /** Every sub-command {@code parse} knows. */
    static Set<String> commands() {
        return COMMANDS.keySet();
    }

    /** Whether {@code command} is a sub-command {@code parse} knows. */
    static boolean known(String command) {
        return COMMANDS.containsKey(command);
    }

    /** @throws UsageException naming what is wrong; nothing has been sent then */
    static CommandLine parse(String[] args) {
        if (args.length == 0) {
            throw new UsageException("Missing command.");
        }
        String command = args[0];
        Spec spec = COMMANDS.get(command);
        if (spec == null) {
            throw new UsageException("No such command '" + command + "'.");
        }
        List<String> arguments = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                arguments.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!spec.options().contains(name) && !IDENTITY.contains(name) && !GLOBAL.contains(name)) {
                throw new UsageException("No such option: --" + name);
            }
            if (value == null && FLAGS.contains(name)) {
                value = "true";
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new UsageException("Option '--" + name + "' requires an argument.");
                }
                value = args[++i];
            }
            options.put(name.equals("job-id") ? "run-id" : name, name.equals("input") ? RunInput.read(value) : value);
        }
        List<String> names = spec.arguments();
        List<String> defaults = DEFAULT_ARGUMENTS.getOrDefault(command, List.of());
        while (arguments.size() < names.size() && arguments.size() >= names.size() - defaults.size()) {
            arguments.add(defaults.get(arguments.size() - (names.size() - defaults.size())));
        }
        if (arguments.size() < names.size()) {
            throw new UsageException("Missing argument '" + names.get(arguments.size()) + "'.");
        }
        if (arguments.size() > names.size()) {
            throw new UsageException("Got unexpected extra argument (" + arguments.get(names.size()) + ")"
                    + (names.contains("EXPRESSION") ? "; quote the expression: task " + command
                            + " NAME '0 9 * * MON-FRI'" : "")
                    + (names.contains("TEXT") ? "; quote the text: task " + command + " 'bake bread on Sundays'"
                            : ""));
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
