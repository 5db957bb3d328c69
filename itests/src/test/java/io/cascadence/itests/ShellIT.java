package io.cascadence.itests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The task:* commands at the console. A terminal is not needed to reach them: with CASCADENCE_SHELL=true the console
 * reads commands from standard input, and at its end stops the container as {@code exit} would.
 */
class ShellIT {

    @Test
    void taskCommandsWorkInTheShellAndEndOfInputStopsTheContainerCleanly() {
        Installation installation = Installation.copy("shell");
        installation.environment.put("CASCADENCE_SHELL", "true");

        Installation.CommandResult session = installation.runWithInput(
                "task:list\ntask:run --user-id ada example\ntask:config\ntask:run no-such-task\n"
                        + "task:replay-history config/io.cascadence.web.cfg\n", "bin/cascadence");

        assertThat(session.exitCode()).as(session.stderr()).isZero();
        assertThat(session.stdout()).contains("example\tenabled");
        assertThat(session.stdout()).containsPattern("run-id\t[0-9a-f-]{36}");
        assertThat(session.stdout()).containsPattern(
                "io.cascadence\tbackend\tcron\tcfg \\(.*config/io.cascadence.cfg\\)\tlive");
        assertThat(session.stdout()).contains("Unknown task: no-such-task");
        assertThat(session.stdout() + session.stderr()).contains("not a Temporal workflow history");
        assertThat(installation.home.resolve("data/.runtime")).doesNotExist();
    }
}
