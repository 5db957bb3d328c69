package io.cascadence.core.impl.store;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cascadence.api.RunRecord;
import io.cascadence.api.RunRecord.StageRecord;

/** {@code runs.json}: {@code {"version": 1, "runs": [...]}}, oldest first, field names as in the REST API. */
public final class RunRecordsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RunRecordsJson() {
    }

    public static byte[] write(List<RunRecord> records) {
        List<Map<String, Object>> runs = new ArrayList<>(records.size());
        for (RunRecord record : records) {
            runs.add(toMap(record));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("version", 1);
        document.put("runs", runs);
        try {
            return MAPPER.writeValueAsBytes(document);
        } catch (IOException e) {
            throw new IllegalStateException("run records are plain values", e);
        }
    }

    /** @throws IOException when the bytes are not a run history, with a message saying why */
    public static List<RunRecord> read(byte[] bytes) throws IOException {
        JsonNode document = MAPPER.readTree(bytes);
        if (document == null || !document.path("runs").isArray()) {
            throw new IOException("expected an object with a \"runs\" list");
        }
        List<RunRecord> records = new ArrayList<>();
        for (JsonNode run : document.path("runs")) {
            List<StageRecord> stages = new ArrayList<>();
            for (JsonNode stage : run.path("stages")) {
                stages.add(new StageRecord(text(stage, "stage"), text(stage, "status"), time(stage, "started_at"),
                        time(stage, "finished_at"), text(stage, "reason")));
            }
            Instant startedAt = time(run, "started_at");
            Instant submittedAt = time(run, "submitted_at");
            if (submittedAt == null) {
                submittedAt = requiredTime(run, "started_at");
            }
            records.add(new RunRecord(required(run, "run_id"), required(run, "task"), text(run, "parent_run_id"),
                    text(run, "trigger"), required(run, "status"), submittedAt, startedAt, time(run, "finished_at"),
                    time(run, "due_at"), text(run, "user_hash"), text(run, "group_hash"), text(run, "input"),
                    text(run, "result"), text(run, "error"), text(run, "failed_stage"), stages));
        }
        return records;
    }

    /** The shape the REST API returns too. */
    static Map<String, Object> toMap(RunRecord record) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("run_id", record.runId());
        run.put("task", record.taskName());
        run.put("parent_run_id", record.parentRunId());
        run.put("trigger", record.trigger());
        run.put("status", record.status());
        run.put("submitted_at", string(record.submittedAt()));
        run.put("started_at", string(record.startedAt()));
        run.put("finished_at", string(record.finishedAt()));
        run.put("due_at", string(record.dueAt()));
        run.put("user_hash", record.userHash());
        run.put("group_hash", record.groupHash());
        run.put("input", record.input());
        run.put("result", record.result());
        run.put("error", record.error());
        run.put("failed_stage", record.failedStage());
        List<Map<String, Object>> stages = new ArrayList<>();
        for (StageRecord stage : record.stages()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("stage", stage.stage());
            entry.put("status", stage.status());
            entry.put("started_at", string(stage.startedAt()));
            entry.put("finished_at", string(stage.finishedAt()));
            entry.put("reason", stage.reason());
            stages.add(entry);
        }
        run.put("stages", stages);
        return run;
    }

    private static String string(Instant time) {
        return time == null ? null : time.toString();
    }

    private static String required(JsonNode node, String field) throws IOException {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw new IOException("a run has no " + field + ": " + node);
        }
        return value;
    }

    private static Instant requiredTime(JsonNode node, String field) throws IOException {
        required(node, field);
        return time(node, field);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Instant time(JsonNode node, String field) throws IOException {
        String text = text(node, field);
        try {
            return text == null ? null : Instant.parse(text);
        } catch (RuntimeException e) {
            throw new IOException("'" + text + "' in " + field + " is not an ISO-8601 instant");
        }
    }
}
