package io.cascadence.core.impl.history;

import java.time.Instant;
import java.util.List;

import io.cascadence.api.RunRecord;
import io.cascadence.api.RunRecord.StageRecord;

/** Run records for the store tests. Times are whole microseconds, which is what the store keeps. */
final class Runs {

    static final Instant T0 = Instant.parse("2026-11-30T10:00:00.123456Z");

    private Runs() {
    }

    static RunRecord ended(String runId, String task, int secondsAfterT0) {
        Instant submitted = T0.plusSeconds(secondsAfterT0);
        return new RunRecord(runId, task, parentOf(runId), "api", RunRecord.SUCCESS, submitted,
                submitted.plusMillis(1), submitted.plusMillis(20), null, "u-hash", null, "{\"n\":1}", "done", null,
                null, List.of(new StageRecord("run", "success", submitted.plusMillis(1), submitted.plusMillis(20),
                        null)));
    }

    static RunRecord running(String runId, String task, int secondsAfterT0, String... stagesStarted) {
        Instant submitted = T0.plusSeconds(secondsAfterT0);
        List<StageRecord> stages = java.util.Arrays.stream(stagesStarted)
                .map(s -> new StageRecord(s, "started", submitted.plusMillis(1), null, null)).toList();
        return new RunRecord(runId, task, parentOf(runId), "api", RunRecord.RUNNING, submitted,
                submitted.plusMillis(1), null, null, null, null, null, null, null, null, stages);
    }

    static RunRecord with(RunRecord run, String status, String trigger) {
        return new RunRecord(run.runId(), run.taskName(), run.parentRunId(), trigger, status, run.submittedAt(),
                run.startedAt(), run.finishedAt(), run.dueAt(), run.userHash(), run.groupHash(), run.input(),
                run.result(), run.error(), run.failedStage(), run.stages());
    }

    private static String parentOf(String runId) {
        int dot = runId.lastIndexOf('.');
        return dot < 0 ? null : runId.substring(0, dot);
    }
}
