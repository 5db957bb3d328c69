package io.cascadence.launcher.cli;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the effective configuration out of a container's {@code GET /config}. */
final class ConfigReport {

    private ConfigReport() {
    }

    /** The effective value of {@code key} of {@code pid}; empty when the report does not list it. */
    static Optional<String> value(JsonNode report, String pid, String key) {
        for (JsonNode listed : report.path("pids")) {
            if (pid.equals(listed.path("pid").asText())) {
                for (JsonNode entry : listed.path("entries")) {
                    if (key.equals(entry.path("key").asText())) {
                        return Optional.of(entry.path("value").asText(""));
                    }
                }
            }
        }
        return Optional.empty();
    }
}
