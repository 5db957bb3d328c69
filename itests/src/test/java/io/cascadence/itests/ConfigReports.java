package io.cascadence.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading {@code GET /config} and {@code GET /health} the way a user does. */
final class ConfigReports {

    private ConfigReports() {
    }

    static JsonNode report(ContainerProcess container) {
        Http.Response response = container.http.get("/config");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** The entry of a key, whichever PID it belongs to. */
    static JsonNode entry(ContainerProcess container, String key) {
        JsonNode report = report(container);
        for (JsonNode pid : report.path("pids")) {
            for (JsonNode entry : pid.path("entries")) {
                if (key.equals(entry.path("key").asText())) {
                    return entry;
                }
            }
        }
        throw new AssertionError("no entry " + key + " in " + report);
    }

    static String value(ContainerProcess container, String key) {
        return entry(container, key).path("value").asText();
    }

    static JsonNode pid(ContainerProcess container, String pid) {
        for (JsonNode node : report(container).path("pids")) {
            if (pid.equals(node.path("pid").asText())) {
                return node;
            }
        }
        throw new AssertionError("no PID " + pid);
    }

    static List<String> pids(ContainerProcess container) {
        List<String> pids = new ArrayList<>();
        report(container).path("pids").forEach(p -> pids.add(p.path("pid").asText()));
        return pids;
    }

    static String problems(ContainerProcess container) {
        return report(container).path("problems").toString();
    }

    static String healthWarnings(ContainerProcess container) {
        return container.http.get("/health").json().path("warnings").toString();
    }
}
