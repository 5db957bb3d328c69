package io.cascadence.temporal.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TaskAttemptsTest {

    private final TaskAttempts attempts = new TaskAttempts();

    private static Map<String, Object> service(long id, String name, Object attempts, Integer ranking) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("service.id", id);
        properties.put("cascadence.task.name", name);
        if (attempts != null) {
            properties.put("cascadence.task.attempts", attempts);
        }
        if (ranking != null) {
            properties.put("service.ranking", ranking);
        }
        return properties;
    }

    @Test
    void aServiceDeclaresItsAttemptsAsANumberOrText() {
        attempts.put(service(1, "report", 1, null));
        attempts.put(service(2, "etl", " 5 ", null));
        attempts.put(service(3, "plain", null, null));

        assertThat(attempts.of("report")).isEqualTo(1);
        assertThat(attempts.of("etl")).isEqualTo(5);
        assertThat(attempts.of("plain")).isNull();
        assertThat(attempts.of("absent")).isNull();
    }

    @Test
    void aMalformedValueIsIgnoredAndTheWinningServiceCounts() {
        attempts.put(service(1, "report", "many", null));
        attempts.put(service(2, "zero", 0, null));
        assertThat(attempts.of("report")).isNull();
        assertThat(attempts.of("zero")).isNull();

        attempts.put(service(3, "etl", 2, null));
        attempts.put(service(4, "etl", 7, 10)); // ranked higher: the registry runs this one
        assertThat(attempts.of("etl")).isEqualTo(7);
        attempts.remove(service(4, "etl", 7, 10));
        assertThat(attempts.of("etl")).isEqualTo(2);
    }

    @Test
    void theConfigurationsEntryWinsOverTheServicesWhichWinsOverTheDefault() {
        TemporalSettings settings = new TemporalSettings("t:7233", "default", "q", false, null, null, null, 3,
                Map.of("report", 1));
        assertThat(settings.attemptsOf("report", 4)).isEqualTo(1);
        assertThat(settings.attemptsOf("etl", 4)).isEqualTo(4);
        assertThat(settings.attemptsOf("etl", null)).isEqualTo(3);
    }
}
