package io.cascadence.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cascadence.launcher.RuntimeInfo;

/** What bin/task does before it looks for an installation: usage and usage errors. */
class TaskCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return TaskCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void invalidInputIsAUsageErrorExit2AndNothingIsSent() {
        // No cascadence.home is set: had the command gone on to the installation, it would have failed with 1.
        int status = run("run", "weather", "--input", "{city: Lund}");

        assertThat(status).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Usage: task")
                .contains("error: Invalid value for '--input': not valid JSON: ");
    }

    @Test
    void helpListsTheNewCommandsAndTheIdentityOptions() {
        assertThat(run("--help")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("run NAME [--input JSON|@FILE]")
                .contains("cancel RUN_ID").contains("Every command takes --user-id and --group-id");
    }

    @Test
    void aScheduleWithoutItsExpressionOrWithAnUnquotedOneIsAUsageError() {
        assertThat(run("schedule", "report")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: Missing argument 'EXPRESSION'.");

        assertThat(run("schedule", "report", "0", "9", "*", "*", "*")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: Got unexpected extra argument (9); "
                + "quote the expression: task schedule NAME '0 9 * * MON-FRI'");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void helpDescribesTheScheduleCommands() {
        assertThat(run("--help")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("schedule NAME EXPRESSION [--timezone Z] [--misfire P] [--overlap P]")
                .contains("NAME scheduled: EXPRESSION, then next fire: <UTC time>")
                .contains("unschedule NAME").contains("schedules ").contains("<name> TAB <expression> TAB");
    }

    @Test
    void aMetricsPortThatIsNotAPortIsAUsageErrorExit2() {
        for (String[] args : new String[][] {{"--metrics-port", "nine", "list"}, {"--metrics-port", "0", "list"},
            {"--metrics-port=65536", "list"}, {"--metrics-port"}}) {
            out.reset();
            err.reset();

            assertThat(run(args)).as(String.join(" ", args)).isEqualTo(2);
            assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
            assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Usage: task [--metrics-port PORT] [--transport grpc|nats]")
                    .contains("error: ").contains("'--metrics-port'");
        }
    }

    @Test
    void everyCommandAnswersHelp() {
        for (String command : CommandLine.commands()) {
            out.reset();
            assertThat(run(command, "--help")).as(command).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).as(command).contains(command);
        }
    }

    @Test
    void theMetricsPortGoesBeforeTheCommandAndTheCommandIsStillChecked() {
        assertThat(run("--metrics-port", "9100", "frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: No such command 'frobnicate'.");

        err.reset();
        assertThat(run("list", "--metrics-port", "9100")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: No such option: --metrics-port");
    }

    @Test
    void theTokenMayComeBeforeTheCommandLikeTheMetricsPort() {
        assertThat(run("--token", "tok-0123456789abcdef", "--metrics-port", "9100", "frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: No such command 'frobnicate'.");

        err.reset();
        assertThat(run("--token")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: Option '--token' requires an argument.");

        out.reset();
        assertThat(run("--token=tok-0123456789abcdef", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: task");
    }

    @Test
    void helpDescribesTheMetricsPort() {
        assertThat(run("--help")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--metrics-port PORT (before the command)");
    }

    @Test
    void theNoticeForARunningContainerNamesWhereItServesItsMetrics() {
        RuntimeInfo owner = new RuntimeInfo(42, "0.0.0.0", 8000, "container");

        assertThat(MetricsNotice.forRunning(owner, 9000, 0)).isEqualTo("note: --metrics-port 9000 is not used: the "
                + "running Cascadence (pid 42) serves its metrics at http://127.0.0.1:8000/metrics");
        assertThat(MetricsNotice.forRunning(owner, 9000, 9100)).endsWith(
                "http://127.0.0.1:8000/metrics and http://127.0.0.1:9100/metrics (its metrics_port)");
    }

    @Test
    void theOriginalsCommandsHaveTheirOwnHelpWithTheirOutputAndExitCodes() {
        for (String command : List.of("list", "run", "trigger", "runs", "pause", "resume", "disable", "enable",
                "cancel", "config", "schedule", "unschedule", "schedules", "pointer-add", "pointer-list",
                "pointer-receive", "watch-plugins")) {
            out.reset();
            assertThat(run(command, "--help")).as(command).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).as(command)
                    .startsWith("Usage: task " + command)
                    .contains("Output:")
                    .contains("Exit status: 0 done; 1 refused or failed")
                    .contains("--user-id ID, --group-id ID");
        }
    }

    @Test
    void commandHelpSaysWhatTheCommandPrintsAndIsAlsoReachedWithDashHAndHelpCommand() {
        assertThat(run("trigger", "report", "-h")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Output: run id: <uuid>")
                .contains("error: 'NAME' is not a manual task");
        out.reset();

        assertThat(run("help", "watch-plugins")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("watching DIR... press Ctrl+C to stop")
                .contains("uninstalled");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void theUsageListsTheOriginalsCommands() {
        assertThat(run("--help")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("trigger NAME").contains("pointer-add NAME USER_ID "
                + "RUN_ID").contains("pointer-list NAME").contains("pointer-receive NAME RUN_ID USER_HASH")
                .contains("watch-plugins [DIR]").contains("task COMMAND --help");
    }

    @Test
    void theProgrammaticEntryAnswersNoArgumentsWithTheUsageAndStatus2() {
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(TaskCli.run()).isEqualTo(2);
        } finally {
            System.setErr(original);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Usage: task")
                .endsWith("error: Missing command." + System.lineSeparator());
    }

    @Test
    void pointerCommandsNeedTheirArgumentsAsTheOriginalsDid() {
        assertThat(run("pointer-add", "family", "ada")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: Missing argument 'RUN_ID'.");

        assertThat(run("pointer-receive", "family", "run42")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: Missing argument 'USER_HASH'.");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void watchingAFolderThatIsNotOneFailsBeforeAnyContainerIsAsked() {
        // No cascadence.home is set: the folder is refused before the installation is looked for.
        assertThat(run("watch-plugins", "/no/such/folder")).isEqualTo(1);

        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("error: path '/no/such/folder' is not a readable directory" + System.lineSeparator());
    }

    @Test
    void aBadTransportIsAUsageErrorExit2BeforeAnyInstallationIsLookedFor() {
        assertThat(run("--transport", "bogus", "list")).isEqualTo(2);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Usage: task").contains("--transport grpc|nats")
                .contains("error: Invalid value for '--transport': 'bogus' is not one of 'grpc', 'nats'.");
    }

    @Test
    void pointerSyncTakesNoArgumentsAndHasItsOwnHelp() {
        assertThat(run("pointer-sync", "events")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: Got unexpected extra argument (events)");

        assertThat(run("--transport", "nats", "pointer-sync", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("pointer-sync")
                .contains("Pointer sync over TARGET subject SUBJECT").contains("ume_pointer_sync = true");
        assertThat(CommandLine.USAGE).contains("  pointer-sync  ");
    }

    @Test
    void pointerSyncSaysOverWhatItSyncs() {
        ObjectNode config = new ObjectMapper()
                .createObjectNode();
        ObjectNode pid = config.putArray("pids").addObject()
                .put("pid", "io.cascadence.transport");
        pid.putArray("entries").addObject().put("key", "ume_broadcast_pointers").put("value", "true");

        // The transport's own description on /health, as the NATS and gRPC transports give it.
        assertThat(PointerSyncCommand.describe("nats", "nats://127.0.0.1:4222 subject events", config))
                .isEqualTo("Pointer sync over nats://127.0.0.1:4222 subject events (broadcast on)");
        ((ObjectNode) pid.get("entries").get(0)).put("value", "false");
        assertThat(PointerSyncCommand.describe("grpc", "localhost:50051 method cascadence.ume.Ume/Send", config))
                .isEqualTo("Pointer sync over localhost:50051 method cascadence.ume.Ume/Send (broadcast off)");
        // Before the transport has described itself: from the configuration.
        pid.withArray("entries").addObject().put("key", "ume_grpc_stub").put("value", "localhost:50051");
        assertThat(PointerSyncCommand.describe("grpc", "", config))
                .isEqualTo("Pointer sync over localhost:50051 method Send (broadcast off)");
    }
}
