package io.cascadence.web.impl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cascadence.api.RunRecord;
import io.cascadence.api.RunRecord.StageRecord;

/** A run record as the REST API shows it (the same field names as {@code data/runs.json}). */
final class RunJson {

    private RunJson() {
    }

    static Map<String, Object> describe(RunRecord record) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("run_id", record.runId());
        run.put("task", record.taskName());
        run.put("parent_run_id", record.parentRunId());
        run.put("trigger", record.trigger());
        run.put("status", record.status());
        run.put("submitted_at", text(record.submittedAt()));
        run.put("started_at", text(record.startedAt()));
        run.put("finished_at", text(record.finishedAt()));
        run.put("due_at", text(record.dueAt()));
        run.put("lateness_ms", record.dueAt() == null || record.startedAt() == null ? null
                : record.startedAt().toEpochMilli() - record.dueAt().toEpochMilli());
        run.put("duration_ms", record.finishedAt() == null || record.startedAt() == null ? null
                : record.finishedAt().toEpochMilli() - record.startedAt().toEpochMilli());
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
            entry.put("started_at", text(stage.startedAt()));
            entry.put("finished_at", text(stage.finishedAt()));
            entry.put("reason", stage.reason());
            stages.add(entry);
        }
        run.put("stages", stages);
        return run;
    }

    private static String text(Instant time) {
        return time == null ? null : time.toString();
    }
}
