package io.cascadence.shell.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.cascadence.api.config.Applies;
import io.cascadence.api.config.ConfigEntry;
import io.cascadence.api.config.ConfigReport;
import io.cascadence.api.config.ConfigSource;
import io.cascadence.api.config.PidReport;

/** task:config prints what bin/task config prints. */
class ConfigLinesTest {

    @Test
    void oneLinePerKeyOfEveryPidThenOnePerProblem() {
        ConfigReport report = new ConfigReport(null, List.of(
                new PidReport("io.cascadence", "/c/config/io.cascadence.cfg", List.of(
                        new ConfigEntry("backend", "cron", ConfigSource.CFG, "/c/config/io.cascadence.cfg",
                                "CASCADENCE_SCHEDULER", "d", Applies.LIVE),
                        new ConfigEntry("runs_path", "runs.json", ConfigSource.DEFAULT, null,
                                "CASCADENCE_RUNS_PATH", "d", Applies.AT_START))),
                new PidReport("io.cascadence.web", null, List.of(
                        new ConfigEntry("sync_wait", "1", ConfigSource.ENVIRONMENT, "CASCADENCE_SYNC_WAIT",
                                "CASCADENCE_SYNC_WAIT", "d", Applies.LIVE)))),
                List.of("a problem"));

        assertThat(ConfigLines.lines(report)).containsExactly(
                "io.cascadence\tbackend\tcron\tcfg (/c/config/io.cascadence.cfg)\tlive",
                "io.cascadence\truns_path\truns.json\tdefault\tat start",
                "io.cascadence.web\tsync_wait\t1\tenv (CASCADENCE_SYNC_WAIT)\tlive",
                "problem\ta problem");
    }
}
