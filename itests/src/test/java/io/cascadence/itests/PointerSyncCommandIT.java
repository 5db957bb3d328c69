package io.cascadence.itests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * bin/task's UME transport options and task pointer-sync, as a user runs them: without a container, where the
 * options set the transport of the container the command starts, and beside a running one, which keeps its own.
 * The NATS transport's own bundle is not needed: what is checked here holds with or without it.
 */
class PointerSyncCommandIT {

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
