package io.cascadence.core.impl.runs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.cascadence.api.RunRecord;
import io.cascadence.api.RunRecord.StageRecord;
import io.cascadence.api.event.AuditEvent;
import io.cascadence.api.event.TaskRunEvent;

/** One run's record while it is queued or running, written to by its events. */
final class LiveRun {

    /** How a run is ended from outside; the stage it was in ends the same way. */
    private static final Set<String> ENDED_FROM_OUTSIDE = Set.of(RunRecord.CANCELLED, RunRecord.TIMED_OUT,
            RunRecord.INTERRUPTED);

    private final String runId;
    private final String taskName;
    private final String parentRunId;
    private final String trigger;
    private final Instant submittedAt;
    private final Instant dueAt;
    private final String userHash;
    private final String groupHash;
    private final String input;
    private final int prerequisites;
    private final List<StageRecord> stages = new ArrayList<>();
    private String status;
    private Instant startedAt;
    private Instant finishedAt;
    private String result;
    private String error;
    private String failedStage;

    LiveRun(RunRecord record) {
        this(record, 0);
    }

    /** @param prerequisites how many of its first nested runs are prerequisites it runs before its stages */
    LiveRun(RunRecord record, int prerequisites) {
        this.prerequisites = prerequisites;
        this.runId = record.runId();
        this.taskName = record.taskName();
        this.parentRunId = record.parentRunId();
        this.trigger = record.trigger();
        this.submittedAt = record.submittedAt();
        this.dueAt = record.dueAt();
        this.userHash = record.userHash();
        this.groupHash = record.groupHash();
        this.input = record.input();
        this.stages.addAll(record.stages());
        this.status = record.status();
        this.startedAt = record.startedAt();
        this.finishedAt = record.finishedAt();
        this.result = record.result();
        this.error = record.error();
        this.failedStage = record.failedStage();
    }

    String runId() {
        return runId;
    }

    String parentRunId() {
        return parentRunId;
    }

    String taskName() {
        return taskName;
    }

    String userHash() {
        return userHash;
    }

    /** Whether it is queued or running (paused runs are running). */
    synchronized boolean inProgress() {
        return !RunRecord.ended(status);
    }

    int prerequisites() {
        return prerequisites;
    }

    /** The run got a worker: it is running from now on, even before its first stage has said so. */
    synchronized void dispatched(Instant at) {
        if (RunRecord.QUEUED.equals(status)) {
            status = RunRecord.RUNNING;
            startedAt = at;
        }
    }

    /**
     * A stage began or ended; the first stage to begin makes a queued run running. A stage's end reported after the
     * run ended from outside (the task noticing its interruption late) changes nothing: the run's end closed it.
     */
    synchronized void stage(AuditEvent audit) {
        if (RunRecord.ended(status)) {
            return;
        }
        if (RunRecord.QUEUED.equals(status)) {
            status = RunRecord.RUNNING;
        }
        if (startedAt == null) {
            startedAt = audit.time();
        }
        if (AuditEvent.STARTED.equals(audit.status())) {
            stages.add(new StageRecord(audit.stage(), audit.status(), audit.time(), null, null));
            return;
        }
        for (int i = stages.size() - 1; i >= 0; i--) {
            StageRecord open = stages.get(i);
            if (open.stage().equals(audit.stage()) && AuditEvent.STARTED.equals(open.status())) {
                stages.set(i, new StageRecord(open.stage(), audit.status(), open.startedAt(), audit.time(),
                        audit.reason()));
                return;
            }
        }
        stages.add(new StageRecord(audit.stage(), audit.status(), audit.time(), audit.time(), audit.reason()));
    }

    synchronized void finish(TaskRunEvent run) {
        status = RunRecord.STATUSES.contains(run.status()) && RunRecord.ended(run.status()) ? run.status()
                : RunRecord.ERROR;
        finishedAt = run.finishedAt();
        result = run.result();
        error = run.error();
        failedStage = run.stage() != null ? run.stage() : stageInProgress();
        endStages(run.finishedAt());
    }

    /**
     * The run has ended, so no stage of its record is still going. A stage left open (the run was ended from outside)
     * ends with the run's status (cancelled, timed_out, interrupted) and reason. A run ended from outside whose stage
     * reported the interruption first, as its own failure ("sleep interrupted"), shows that stage with the run's
     * status too, keeping the reason the task gave.
     */
    private void endStages(Instant at) {
        for (int i = 0; i < stages.size(); i++) {
            StageRecord stage = stages.get(i);
            if (AuditEvent.STARTED.equals(stage.status())) {
                stages.set(i, new StageRecord(stage.stage(), status, stage.startedAt(), at, error));
            }
        }
        int last = stages.size() - 1;
        if (ENDED_FROM_OUTSIDE.contains(status) && last >= 0 && AuditEvent.ERROR.equals(stages.get(last).status())) {
            StageRecord stage = stages.get(last);
            stages.set(last, new StageRecord(stage.stage(), status, stage.startedAt(), stage.finishedAt(),
                    stage.reason()));
        }
    }

    /**
     * Ends a run that is still queued or running because the run it belongs to was ended from outside; a run that
     * has ended already keeps its end.
     */
    synchronized void endIfOpen(String endStatus, String reason, Instant at) {
        if (RunRecord.ended(status)) {
            return;
        }
        status = endStatus;
        finishedAt = at;
        error = reason;
        failedStage = stageInProgress();
        endStages(at);
    }

    /**
     * The stage a run was in when it was ended from outside: the last one that started and has not ended, or the
     * last one if it failed (the interrupted stage may report its failure before the run's end is known).
     */
    private String stageInProgress() {
        for (int i = stages.size() - 1; i >= 0; i--) {
            if (AuditEvent.STARTED.equals(stages.get(i).status())) {
                return stages.get(i).stage();
            }
        }
        StageRecord last = stages.isEmpty() ? null : stages.get(stages.size() - 1);
        return last != null && AuditEvent.ERROR.equals(last.status()) ? last.stage() : null;
    }

    synchronized RunRecord record() {
        return new RunRecord(runId, taskName, parentRunId, trigger, status, submittedAt, startedAt, finishedAt, dueAt,
                userHash, groupHash, input, result, error, failedStage, stages);
    }
}
