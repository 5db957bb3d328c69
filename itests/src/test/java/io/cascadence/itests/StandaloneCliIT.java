package io.cascadence.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** bin/task with no container running: it starts what it needs itself, on the installation's data/. */
class StandaloneCliIT {

    private static final Path HELLO = Path.of(System.getProperty("hello.jar"));

    @Test
    void listAndRunWorkWithoutAContainerAndPrintOnlyTheirOutput() {
        Installation installation = Installation.copy("standalone");
        Installation.dropInto(HELLO, installation.plugins().resolve("hello.jar"));

        Installation.CommandResult list = installation.task("list");
        assertThat(list.exitCode()).as(list.stderr()).isZero();
        assertThat(list.stdout()).isEqualTo("calcom_webhook\tenabled\nexample\tenabled\ngithub_webhook\tenabled\n"
                + "hello\tenabled\n");

        Installation.CommandResult run = installation.task("run", "hello", "--user-id", "ada");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).matches("run-id\t[0-9a-f-]{36}\n");

        Installation.CommandResult unknown = installation.task("run", "nope");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.stderr()).contains("error: Unknown task: nope");
    }

    @Test
    void itLeavesNothingRunningAndAContainerCanStartRightAfter() {
        Installation installation = Installation.copy("standalone-then-container");
        assertThat(installation.task("list").exitCode()).isZero();

        assertThat(installation.home.resolve("data/.runtime")).doesNotExist();
        assertThat(Files.exists(installation.home.resolve("cache"))).isTrue();
        try (ContainerProcess container = installation.start()) {
            assertThat(container.http.get("/health").status()).isEqualTo(200);
        }
    }

    @Test
    void usageErrorsExitWithStatus2() {
        Installation installation = Installation.copy("usage");

        Installation.CommandResult none = installation.task();
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.stderr()).contains("Usage: task").contains("error: Missing command.");

        Installation.CommandResult missing = installation.task("run");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).contains("Missing argument 'NAME'");
    }
}
