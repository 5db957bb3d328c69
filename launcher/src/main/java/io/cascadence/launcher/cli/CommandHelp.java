package io.cascadence.launcher.cli;

import java.util.Map;
import java.util.Optional;

/**
 * What {@code task COMMAND --help} prints: each command's arguments, options, output lines and exit codes. A
 * command without its own text here is described by {@link CommandLine#USAGE}.
 */
final class CommandHelp {

    /** Every command's closing lines: the options all of them take and what the exit status says. */
    static final String COMMON = """

            Every command also takes:
              --user-id ID, --group-id ID   who the request is for, sent as X-User-ID and X-Group-ID
              --token TOKEN                 the API token (default: $CASCADENCE_API_TOKEN), for a running
                                            container whose api_tokens is set
              --help, -h                    this text
            Before the command: --metrics-port PORT also serves /metrics on PORT while the command runs;
            --transport grpc|nats, --grpc-stub TARGET, --grpc-method NAME, --nats-url URL and --nats-subject
            SUBJECT set the UME transport of the container the command starts (not of a running one).

            Exit status: 0 done; 1 refused or failed, with "error: <message>" on stderr; 2 a usage error (a
            missing or extra argument, an unknown option), with the usage on stderr and nothing sent.
            With a container of this installation running, the command acts on it; otherwise task starts what it
            needs itself, on the same data/, and stops it again.""";

    private static final Map<String, String> TEXTS = Map.ofEntries(
            Map.entry("list", """
                    Usage: task list

                    Lists the registered tasks, ordered by name.
                    Output: one line per task, <name> TAB <enabled|disabled>."""),
            Map.entry("run", """
                    Usage: task run NAME [--input JSON|@FILE] [--temporal]

                    Runs task NAME now through its pipeline and waits for its end.
                      --input JSON|@FILE   the run's input: JSON text, or @ and a file holding it; JSON that does
                                           not parse or a file that cannot be read is a usage error
                      --temporal           run it as a Temporal workflow whatever backend is configured; the
                                           container connects to temporal_server for it (a service that does not
                                           answer: error: ... cannot reach Temporal at ..., exit 1)
                    Output: run-id TAB <uuid>. A run that fails prints that line too, then the error (exit 1).
                    A run that takes longer than the container waits (sync_wait) goes on: the line is printed and
                    stderr says how to follow it (task runs NAME); without a running container, task waits."""),
            Map.entry("trigger", """
                    Usage: task trigger NAME

                    Runs a manual-trigger task (a ManualTrigger; "manual": true in GET /tasks) now, as task run
                    does. Any other task is refused: error: 'NAME' is not a manual task (exit 1).
                    Output: run id: <uuid>. A run that fails prints that line too, then the error (exit 1)."""),
            Map.entry("export-n8n", """
                    Usage: task export-n8n FILE [--base-url URL]

                    Writes the registered tasks as an n8n workflow (GET /export/n8n) to FILE, as a whole: an HTTP
                    Request node per task calling its run route, a Schedule Trigger per scheduled task, one Manual
                    Trigger, prerequisites as connections; webhook tasks are left out.
                      --base-url URL   the http(s) address the nodes call (default: this installation's
                                       container, CASCADENCE_HTTP_HOST and CASCADENCE_HTTP_PORT)
                    Output: workflow written to FILE. A folder that does not exist or cannot be written:
                    error: cannot write FILE: <reason> (exit 1)."""),
            Map.entry("replay-history", """
                    Usage: task replay-history FILE

                    Replays FILE, a Temporal workflow history of a run (JSON, as Temporal's UI downloads it or
                    temporal workflow show --output json writes it), against the workflow code of this installation
                    with Temporal's replayer (POST /temporal/replay). No Temporal service is needed.
                    Output: replayed FILE: deterministic (N events). A history this code does not replay the same
                    way: error: FILE is not deterministic for this code: <what the replayer says> (exit 1). A file
                    that cannot be read, or that is not a history of a run: error: and why (exit 1)."""),
            Map.entry("ai-idea", """
                    Usage: task ai-idea TEXT

                    Keeps an idea (quote TEXT) in data/ideas.yml for --user-id and --group-id, both hashed, and
                    publishes it as an IdeaSeed event (POST /ideas). Empty text, or over 4,000 characters, is refused.
                    Output: idea sent."""),
            Map.entry("runs", """
                    Usage: task runs NAME [--limit N] [--offset N]

                    Lists the runs of task NAME, newest first.
                      --limit N    at most N runs (1 to 1000, default 20)
                      --offset N   skip the N newest (default 0)
                    Output: one line per run, <run-id> TAB <status> TAB <started> TAB <ms>
                    [TAB <stage>: <error>]; <ms> is - while it runs."""),
            Map.entry("pause", """
                    Usage: task pause NAME [--run-id ID]

                    Refuses new runs of task NAME until it is resumed, and holds its runs in progress before their
                    next stage; with --run-id (or --job-id), holds that one run in progress only.
                    Output: NAME paused, or NAME run ID paused."""),
            Map.entry("resume", """
                    Usage: task resume NAME [--run-id ID]

                    Undoes pause: accepts runs of task NAME again and lets its held runs go on; with --run-id (or
                    --job-id), lets that one run go on.
                    Output: NAME resumed, or NAME run ID resumed."""),
            Map.entry("disable", """
                    Usage: task disable NAME

                    Refuses runs of task NAME until it is enabled; runs in progress go on. Kept across restarts.
                    Output: NAME disabled."""),
            Map.entry("enable", """
                    Usage: task enable NAME

                    Undoes disable.
                    Output: NAME enabled."""),
            Map.entry("cancel", """
                    Usage: task cancel RUN_ID

                    Ends a run that is queued or running as cancelled: its stage in progress is interrupted and no
                    later stage runs. A run that has already ended is refused (exit 1).
                    Output: RUN_ID cancelled."""),
            Map.entry("config", """
                    Usage: task config

                    Shows the effective configuration of every PID.
                    Output: one line per key, <pid> TAB <key> TAB <value> TAB <source> TAB <live|at start>,
                    then one line per problem, problem TAB <problem>."""),
            Map.entry("schedule", """
                    Usage: task schedule NAME EXPRESSION [--timezone Z] [--misfire P] [--overlap P]

                    Gives task NAME a cron schedule, replacing the one it had, for --user-id/--group-id (the
                    identity its scheduled runs carry). Quote EXPRESSION: '0 9 * * MON-FRI', @daily.
                      --timezone Z   an IANA zone, e.g. Europe/Paris (default: the scheduler's timezone)
                      --misfire P    missed fires: skip, run_once (default) or run_all
                      --overlap P    a fire while the previous scheduled run goes on: skip (default),
                                     queue_one or allow
                    Output: NAME scheduled: EXPRESSION, then next fire: <ISO-8601 UTC> (or - (<state>) when it
                    does not fire now)."""),
            Map.entry("unschedule", """
                    Usage: task unschedule NAME

                    Removes the schedule of task NAME; the task stays registered.
                    Output: NAME unscheduled."""),
            Map.entry("schedules", """
                    Usage: task schedules

                    Lists the schedules, ordered by task.
                    Output: one line per schedule, <name> TAB <expression> TAB <next fire, ISO-8601 UTC, or ->
                    [TAB <zone>], the zone only when the schedule has its own."""),
            Map.entry("pointer-add", """
                    Usage: task pointer-add NAME USER_ID RUN_ID [--group-id ID]

                    Records that USER_ID (of group --group-id) has run RUN_ID of pointer task NAME (a
                    PointerTask); adding it again changes nothing. Ids are stored hashed.
                    A task that is not a pointer task is refused: error: 'NAME' is not a pointer task (exit 1).
                    Output: pointer added."""),
            Map.entry("pointer-list", """
                    Usage: task pointer-list NAME --user-id ID [--group-id ID]

                    Lists the pointers of task NAME recorded for that user (and group, when given).
                    A task that is not a pointer task is refused: error: 'NAME' is not a pointer task (exit 1).
                    Output: one line per pointer, <run_id> TAB <user_hash>."""),
            Map.entry("pointer-receive", """
                    Usage: task pointer-receive NAME RUN_ID USER_HASH [--group-id ID]

                    Stores a pointer received from another instance as given (USER_HASH is already hashed), for
                    group --group-id; the task need not be installed here.
                    Output: pointer stored."""),
            Map.entry("pointer-sync", """
                    Usage: task [--transport grpc|nats] [--nats-url URL] [--nats-subject SUBJECT]
                                [--grpc-stub TARGET] [--grpc-method NAME] pointer-sync

                    Stores the pointer updates other installations send over the UME transport (the
                    configuration's, io.cascadence.transport, or the options before the command), and sends them
                    on when ume_broadcast_pointers is true, in the foreground until Ctrl-C or SIGTERM, starting
                    Cascadence's parts with ume_pointer_sync on (schedules are not fired); other task commands act
                    on it meanwhile. No transport configured: error: no UME transport is configured: ... (exit 1);
                    a misconfigured one: its error (exit 1). With the installation's container running, that one
                    syncs pointers itself when ume_pointer_sync = true is set in
                    config/io.cascadence.transport.cfg: the command says so and exits with 1.
                    Output: Pointer sync over TARGET subject SUBJECT (or method NAME) (broadcast on|off); Ctrl-C
                    stops. A transport not yet connected is noted on stderr; updates arrive once it connects."""),
            Map.entry("webhook", """
                    Usage: task webhook [--host H] [--port P]

                    Serves the webhook endpoints, POST /webhook/SOURCE and nothing else, on H:P (default
                    0.0.0.0:8000) in the foreground until Ctrl-C or SIGTERM, starting Cascadence's parts without a
                    running container (schedules are not fired); other task commands act on it meanwhile. With the
                    installation's container running, that one serves the webhooks: the command says where and how
                    to give it a listener of its own (webhook_port), and exits with 1. A port in use is refused
                    with 1 before anything starts.
                    Output: Serving webhooks on http://H:P/webhook/SOURCE (POST only); Ctrl-C stops."""),
            Map.entry("watch-plugins", """
                    Usage: task watch-plugins [DIR]

                    Makes the container also deploy the plugin bundles of DIR (default: the current folder), by
                    the rules of plugins/, until this command is stopped (Ctrl+C or SIGTERM): a jar dropped into
                    DIR is deployed, a replaced one updated, a deleted one uninstalled; one copy of each bundle
                    runs across DIR and plugins/. When it stops, the bundles of DIR are uninstalled, as when their
                    jars leave plugins/. Without a running container, task starts one for as long as it watches.
                    A DIR that is not a readable directory is refused (exit 1).
                    Output: watching DIR... press Ctrl+C to stop; exit status 0 once stopped."""));

    private CommandHelp() {
    }

    /** The help of one command, ending with {@link #COMMON}; empty for a command without its own text. */
    static Optional<String> of(String command) {
        return Optional.ofNullable(TEXTS.get(command)).map(text -> text + "\n" + COMMON);
    }
}
