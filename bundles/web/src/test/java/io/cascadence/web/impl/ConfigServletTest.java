package io.cascadence.web.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cascadence.api.config.Applies;
import io.cascadence.api.config.ConfigEntry;
import io.cascadence.api.config.ConfigReport;
import io.cascadence.api.config.ConfigSource;
import io.cascadence.api.config.PidReport;

class ConfigServletTest {

    @Test
    void theBodyListsEveryPidWithItsFileAndEntriesThenTheProblems() {
        ConfigReport report = new ConfigReport("/c/cascadence.yml", List.of(
                new PidReport("io.cascadence.web", "/c/config/io.cascadence.web.cfg", List.of(
                        new ConfigEntry("sync_wait", "1", ConfigSource.YAML, "/c/cascadence.yml",
                                "CASCADENCE_SYNC_WAIT", "Seconds", Applies.LIVE)))),
                List.of("a problem"));

        Map<String, Object> body = ConfigServlet.describe(report);

        assertThat(body).containsOnlyKeys("yaml_file", "pids", "problems");
        assertThat(body.get("yaml_file")).isEqualTo("/c/cascadence.yml");
        assertThat(body.get("problems")).isEqualTo(List.of("a problem"));
        @SuppressWarnings("unchecked")
        Map<String, Object> pid = ((List<Map<String, Object>>) body.get("pids")).get(0);
        assertThat(pid).containsEntry("pid", "io.cascadence.web")
                .containsEntry("file", "/c/config/io.cascadence.web.cfg");
        assertThat(pid.get("entries")).asList().singleElement().isEqualTo(Map.of("key", "sync_wait", "value", "1",
                "source", "yaml", "origin", "/c/cascadence.yml", "env", "CASCADENCE_SYNC_WAIT",
                "description", "Seconds", "applies", "live"));
    }
}
