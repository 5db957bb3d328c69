package io.cascadence.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import io.cascadence.ume.proto.PointerUpdate;

/**
 * bin/task's UME transport options and task pointer-sync, as a user runs them: without a container, where the
 * options set the transport of the container the command starts (pointer sync then stores what arrives on the
 * machine's NATS server until Ctrl-C), and beside a running one, which keeps its own.
 */
class PointerSyncCommandIT {

    @Test
    void aCommandsRunSendsEveryEventOverTheTransportItNamesBeforeTheCommandEnds() {
        Installation installation = Installation.copy("transport-run");
        String subject = "itest.task-run." + UUID.randomUUID();
        try (NatsTap tap = NatsTap.on("nats://127.0.0.1:4222", subject)) {
            Installation.CommandResult run = installation.task("--transport", "nats", "--nats-url",
                    "nats://127.0.0.1:4222", "--nats-subject", subject, "run", "example");
            assertThat(run.exitCode()).as(run.stderr()).isZero();

            // The command's container stops right after the run: what it published must have left before.
            Await.until(Await.CHANGE, () -> "the run's TaskRun; received " + tap.all().size() + " events; the "
                    + "command's stderr:\n" + run.stderr(),
                    () -> tap.all().stream().anyMatch(m -> m.shortType().equals("TaskRun")));
            List<Long> seqs = tap.all().stream().map(NatsTap.Received::seq).toList();
            assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, seqs.size()).boxed().toList());
            assertThat(tap.all()).extracting(NatsTap.Received::shortType).contains("StageUpdate", "AuditEvent");
        }
    }

    @Test
    void pointerSyncInTheForegroundStoresWhatArrivesOnTheSubjectUntilStopped() throws Exception {
        Installation installation = Installation.copy("pointer-sync-foreground");
        String subject = "itest.pointer-sync." + UUID.randomUUID();
        ForegroundCommand sync = ForegroundCommand.start(installation, "pointer-sync.log", "--transport", "nats",
                "--nats-url", "nats://127.0.0.1:4222", "--nats-subject", subject, "pointer-sync");
        try {
            String first = sync.nextLine(90);
            assertThat(first).as(sync.log())
                    .isEqualTo("Pointer sync over nats://127.0.0.1:4222 subject " + subject
                            + " (broadcast off); Ctrl-C stops");

            byte[] update = PointerUpdate.newBuilder().setTaskName("family_pointer").setRunId("run-from-peer")
                    .setUserHash("cd".repeat(32)).build().toByteArray();
            try (NatsTap peer = NatsTap.on("nats://127.0.0.1:4222", subject + ".unused")) {
                peer.connection().publish(subject, update);
                peer.connection().flush(Duration.ofSeconds(5));
            }
            Await.until("the update in data/pointers.yml", () -> Installation
                    .read(installation.home.resolve("data/pointers.yml")).contains("run-from-peer"));
        } finally {
            assertThat(sync.stop()).as("a stop the command is told of is its normal end").isZero();
        }
        assertThat(installation.home.resolve("data/.runtime")).doesNotExist();
        assertThat(Installation.read(installation.home.resolve("data/pointers.yml"))).contains("cd".repeat(32));
    }

    @Test
    void pointerSyncWithoutATransportExits1AtOnceAndLeavesNothingRunning() {
        Installation installation = Installation.copy("pointer-sync-none");

        Installation.CommandResult sync = installation.task("pointer-sync");

        assertThat(sync.exitCode()).as(sync.stderr()).isEqualTo(1);
        assertThat(sync.stdout()).isEmpty();
        assertThat(sync.stderr()).endsWith("error: no UME transport is configured: set UME_TRANSPORT (nats or grpc) "
                + "or pass --transport\n");
        assertThat(installation.home.resolve("data/.runtime")).doesNotExist();
        assertThat(installation.task("list").exitCode()).isZero();
    }

    @Test
    void theTransportOptionsSetTheTransportOfTheCommandsOwnContainer() {
        Installation installation = Installation.copy("transport-options");

        Installation.CommandResult config = installation.task("--transport", "nats", "--nats-url=nats://127.0.0.1:4222",
                "--nats-subject", "pointers", "config");

        assertThat(config.exitCode()).as(config.stderr()).isZero();
        assertThat(config.stdout()).contains("io.cascadence.transport\tume_transport\tnats\tenv")
                .contains("io.cascadence.transport\tume_nats_conn\tnats://127.0.0.1:4222\tenv")
                .contains("io.cascadence.transport\tume_nats_subject\tpointers\tenv");

        // For that one command only: the next one has the configuration's transport again.
        Installation.CommandResult again = installation.task("config");
        assertThat(again.stdout()).doesNotContain("ume_transport\tnats");
    }

    @Test
    void aTransportOtherThanGrpcOrNatsIsAUsageError() {
        Installation installation = Installation.copy("transport-usage");

        Installation.CommandResult bogus = installation.task("--transport", "bogus", "list");

        assertThat(bogus.exitCode()).isEqualTo(2);
        assertThat(bogus.stdout()).isEmpty();
        assertThat(bogus.stderr()).startsWith("Usage: task")
                .contains("error: Invalid value for '--transport': 'bogus' is not one of 'grpc', 'nats'.");
    }

    @Test
    void aRunningContainerSyncsPointersItselfAndKeepsItsTransport() {
        Installation installation = Installation.copy("pointer-sync-running");
        try (ContainerProcess container = installation.start()) {
            Installation.CommandResult sync = installation.task("--transport", "nats", "pointer-sync");
            assertThat(sync.exitCode()).as(sync.stderr()).isEqualTo(1);
            assertThat(sync.stdout()).isEmpty();
            assertThat(sync.stderr()).startsWith("error: Cascadence is already running from ")
                    .contains("does pointer sync itself when ume_pointer_sync = true is set in "
                            + "config/io.cascadence.transport.cfg (applied while it runs)");

            Installation.CommandResult list = installation.task("--transport", "nats", "--nats-url",
                    "nats://127.0.0.1:4222", "list");
            assertThat(list.exitCode()).as(list.stderr()).isZero();
            assertThat(list.stdout()).contains("example\tenabled\n");
            assertThat(list.stderr()).contains("note: --transport, --nats-url are not used: the running Cascadence")
                    .contains("set ume_transport, ume_nats_conn in config/io.cascadence.transport.cfg");
            assertThat(container.http.get("/health").json().has("transports")).isFalse();
        }
    }
}
