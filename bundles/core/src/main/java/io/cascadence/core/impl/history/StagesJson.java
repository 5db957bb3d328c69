package io.cascadence.core.impl.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cascadence.api.RunRecord.StageRecord;

/**
 * A run's stage timeline in its {@code stages} column: a JSON list with the field names of the REST API. One
 * text column instead of a table of its own, since stages are only ever read and written with their run.
 */
final class StagesJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StagesJson() {
    }

    static String write(List<StageRecord> stages) {
        if (stages.isEmpty()) {
            return "[]";
        }
        List<Map<String, Object>> list = new ArrayList<>(stages.size());
        for (StageRecord stage : stages) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("stage", stage.stage());
            entry.put("status", stage.status());
            entry.put("started_at", text(stage.startedAt()));
            entry.put("finished_at", text(stage.finishedAt()));
            entry.put("reason", stage.reason());
            list.add(entry);
        }
        try {
            return MAPPER.writeValueAsString(list);
        } catch (IOException e) {
            throw new UncheckedIOException("stage records are plain values", e);
        }
    }

    static List<StageRecord> read(String json) {
        if (json == null || json.equals("[]")) {
            return List.of();
        }
        try {
            List<StageRecord> stages = new ArrayList<>();
            for (JsonNode stage : MAPPER.readTree(json)) {
                stages.add(new StageRecord(field(stage, "stage"), field(stage, "status"),
                        time(stage, "started_at"), time(stage, "finished_at"), field(stage, "reason")));
            }
            return stages;
        } catch (IOException e) {
            throw new UncheckedIOException("a stored stage timeline is not JSON: " + json, e);
        }
    }

    private static String text(Instant time) {
        return time == null ? null : time.toString();
    }

    private static String field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Instant time(JsonNode node, String name) {
        String value = field(node, name);
        return value == null ? null : Instant.parse(value);
    }
}
