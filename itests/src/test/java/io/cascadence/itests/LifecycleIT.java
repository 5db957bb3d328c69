package io.cascadence.itests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Stopping with SIGTERM, as a service manager does, and starting again on the same installation. */
class LifecycleIT {

    @Test
    void sigtermStopsCleanlyAndTheInstallationStartsAgain() {
        Installation installation = Installation.copy("lifecycle");
        ContainerProcess first = installation.start();
        assertThat(first.http.post("/tasks/example/disable").status()).isEqualTo(200);
        // Published by the launcher once it has seen /health answer, so a moment after our own first 200.
        Await.until("data/.runtime published", () -> installation.home.resolve("data/.runtime").toFile().exists());

        int exitCode = first.stop();

        // The JVM reports a SIGTERM-initiated exit as 128 + 15 once its shutdown hooks have run.
        assertThat(exitCode).isEqualTo(143);
        assertThat(first.log()).contains("Task 'example' unregistered").contains("Stopped Jetty");
        assertThat(installation.home.resolve("data/.runtime")).doesNotExist();

        try (ContainerProcess second = installation.start()) {
            // A disabled task stays disabled across a restart.
            assertThat(second.http.post("/tasks/example/run").status()).isEqualTo(409);
            assertThat(installation.task("list").stdout().lines()).contains("example\tdisabled");
            assertThat(second.http.post("/tasks/example/enable").status()).isEqualTo(200);
            assertThat(second.http.post("/tasks/example/run").status()).isEqualTo(200);
        }
    }
}
