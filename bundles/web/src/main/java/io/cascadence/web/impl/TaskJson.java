package io.cascadence.web.impl;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cascadence.api.RunRecord;
import io.cascadence.api.RunRecord.StageRecord;
import io.cascadence.api.TaskInfo;

/** A registered task as {@code GET /tasks} and {@code GET /tasks/{name}} show it. */
final class TaskJson {

    private TaskJson() {
    }

    /**
     * @param latest its newest run of any kind (the caller's, for a token bound to a user), or {@code null}
     * @param running how many of its runs (nested ones included) are queued or running
     * @param pointers how many pointers it has, for everyone
     */
    static Map<String, Object> describe(TaskInfo task, RunRecord latest, int running, int pointers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", task.name());
        body.put("disabled", task.disabled());
        body.put("paused", task.paused());
        body.put("bundle", task.bundle());
        body.put("version", task.bundleVersion());
        body.put("manual", task.manual());
        body.put("pointer", task.pointer());
        body.put("webhook_sources", task.webhookSources());
        body.put("async", task.async());
        body.put("running", running);
        body.put("pointers", pointers);
        body.put("last_run", latest == null ? null : lastRun(latest));
        return body;
    }

    /** The newest run in brief: its times, and the stage it is in or ended in with that stage's status. */
    static Map<String, Object> lastRun(RunRecord run) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("run_id", run.runId());
        body.put("status", run.status());
        body.put("trigger", run.trigger());
        body.put("submitted_at", text(run.submittedAt()));
        body.put("started_at", text(run.startedAt()));
        body.put("finished_at", text(run.finishedAt()));
        body.put("duration_ms", run.finishedAt() == null || run.startedAt() == null ? null
                : run.finishedAt().toEpochMilli() - run.startedAt().toEpochMilli());
        List<StageRecord> stages = run.stages();
        StageRecord stage = stages.isEmpty() ? null : stages.get(stages.size() - 1);
        body.put("stage", stage == null ? null : stage.stage());
        body.put("stage_status", stage == null ? null : stage.status());
        // When it was last heard of: its end when it has one, else its start.
        body.put("stage_at", stage == null ? null
                : text(stage.finishedAt() != null ? stage.finishedAt() : stage.startedAt()));
        return body;
    }

    private static String text(Instant time) {
        return time == null ? null : time.toString();
    }
}
