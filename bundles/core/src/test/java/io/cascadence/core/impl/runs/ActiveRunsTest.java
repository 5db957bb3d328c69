package io.cascadence.core.impl.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cascadence.api.RunRecord;
import io.cascadence.api.RunRecord.StageRecord;
import io.cascadence.api.event.AuditEvent;
import io.cascadence.api.event.StageUpdate;
import io.cascadence.api.event.TaskRunEvent;
import io.cascadence.api.event.TaskSpecEvent;

class ActiveRunsTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final String USER = "u".repeat(64);
    private static final String GROUP = "g".repeat(64);

    private final List<RunRecord> stageEnds = new ArrayList<>();
    private final ActiveRuns runs = new ActiveRuns(stageEnds::add);

    private static Instant t(int seconds) {
        return T0.plusSeconds(seconds);
    }

    private void begin(String runId, String task) {
        runs.begin(new RunRecord(runId, task, null, "api", RunRecord.QUEUED, t(0), null, null, null, USER, GROUP,
                "{\"a\":1}", null, null, null, List.of()));
    }

    private static AuditEvent audit(String task, String runId, String stage, String status, String reason,
            Instant time) {
        return new AuditEvent(task, stage, status, reason, null, runId, USER, GROUP, time);
    }

    private static AuditEvent started(String task, String runId, String stage, Instant time) {
        return audit(task, runId, stage, AuditEvent.STARTED, null, time);
    }

    private static AuditEvent succeeded(String task, String runId, String stage, Instant time) {
        return audit(task, runId, stage, AuditEvent.SUCCESS, null, time);
    }

    private static TaskRunEvent finished(String task, String runId, String status, String stage, String error,
            String result, Instant startedAt, Instant finishedAt) {
        String parent = runId.contains(".") ? runId.substring(0, runId.lastIndexOf('.')) : null;
        return new TaskRunEvent(task, runId, parent, status, stage, error, result, startedAt, finishedAt, USER,
                GROUP);
    }

    @Test
    void anAcceptedRunIsQueuedUntilItsFirstStageThenRunningUntilItsEnd() {
        begin("r1", "report");
        assertThat(runs.find("r1").orElseThrow().status()).isEqualTo(RunRecord.QUEUED);
        assertThat(runs.find("r1").orElseThrow().startedAt()).isNull();

        runs.accept(started("report", "r1", "intake", t(2)));

        RunRecord record = runs.find("r1").orElseThrow();
        assertThat(record.status()).isEqualTo(RunRecord.RUNNING);
        assertThat(record.submittedAt()).isEqualTo(t(0));
        assertThat(record.startedAt()).isEqualTo(t(2));
        assertThat(record.trigger()).isEqualTo("api");
        assertThat(record.input()).isEqualTo("{\"a\":1}");
        assertThat(record.stages()).containsExactly(new StageRecord("intake", "started", t(2), null, null));
    }

    @Test
    void inProgressCountsRunsQueuedOrRunningByTaskAndUserPrerequisiteRunsIncluded() {
        begin("r1", "report");
        begin("r2", "report");
        begin("r3", "other");
        runs.begin(new RunRecord("r4", "report", null, "api", RunRecord.QUEUED, t(0), null, null, null, "someone",
                null, null, null, null, null, List.of()));
        runs.accept(started("report", "r2", "intake", t(1)));
        runs.accept(started("extract", "r2.1", "intake", t(2))); // a prerequisite run counts for its own task
        runs.accept(new TaskRunEvent("other", "r3", null, RunRecord.SUCCESS, null, null, "ok", t(1), t(3), USER,
                GROUP));

        assertThat(runs.inProgress(null)).containsOnly(java.util.Map.entry("report", 3),
                java.util.Map.entry("extract", 1));
        assertThat(runs.inProgress(USER)).containsOnly(java.util.Map.entry("report", 2),
                java.util.Map.entry("extract", 1));
        assertThat(runs.inProgress("nobody")).isEmpty();
    }

    @Test
    void aSuccessfulRunHasItsResultAndTimeline() {
        begin("r1", "report");
        runs.accept(started("report", "r1", "intake", t(0)));
        runs.accept(succeeded("report", "r1", "intake", t(1)));
        runs.accept(started("report", "r1", "run", t(2)));
        runs.accept(succeeded("report", "r1", "run", t(5)));
        runs.accept(finished("report", "r1", "success", null, null, "42 rows", t(0), t(6)));

        RunRecord record = runs.find("r1").orElseThrow();
        assertThat(record.status()).isEqualTo(RunRecord.SUCCESS);
        assertThat(record.finishedAt()).isEqualTo(t(6));
        assertThat(record.result()).isEqualTo("42 rows");
        assertThat(record.failedStage()).isNull();
        assertThat(record.stages()).containsExactly(
                new StageRecord("intake", "success", t(0), t(1), null),
                new StageRecord("run", "success", t(2), t(5), null));
    }

    @Test
    void aFailedRunHasItsErrorAndFailedStageIncludingSkippedStagesInTheTimeline() {
        begin("r1", "pipeline");
        runs.accept(started("pipeline", "r1", "intake", t(0)));
        runs.accept(succeeded("pipeline", "r1", "intake", t(1)));
        runs.accept(audit("pipeline", "r1", "research", AuditEvent.SKIPPED, "no research provider", t(2)));
        runs.accept(started("pipeline", "r1", "precheck", t(5)));
        runs.accept(audit("pipeline", "r1", "precheck", AuditEvent.ERROR, "quota exceeded", t(6)));
        runs.accept(finished("pipeline", "r1", "error", "precheck", "quota exceeded", null, t(0), t(7)));

        RunRecord record = runs.find("r1").orElseThrow();
        assertThat(record.status()).isEqualTo(RunRecord.ERROR);
        assertThat(record.error()).isEqualTo("quota exceeded");
        assertThat(record.failedStage()).isEqualTo("precheck");
        assertThat(record.stages()).extracting(StageRecord::status).containsExactly("success", "skipped", "error");
        assertThat(record.stages().get(1)).isEqualTo(
                new StageRecord("research", "skipped", t(2), t(2), "no research provider"));
    }

    @Test
    void aRunEndedFromOutsideNamesTheStageItWasInWhetherOrNotThatStageReportedItsFailureFirst() {
        begin("r1", "t");
        begin("r2", "t");
        runs.accept(started("t", "r1", "run", t(0)));
        runs.accept(started("t", "r2", "run", t(0)));
        runs.accept(audit("t", "r2", "run", AuditEvent.ERROR, "sleep interrupted", t(1)));

        runs.accept(finished("t", "r1", RunRecord.CANCELLED, null, "cancelled", null, t(0), t(1)));
        runs.accept(finished("t", "r2", RunRecord.TIMED_OUT, null, "too slow", null, t(0), t(1)));

        assertThat(runs.find("r1").orElseThrow()).satisfies(r -> {
            assertThat(r.status()).isEqualTo(RunRecord.CANCELLED);
            assertThat(r.failedStage()).isEqualTo("run");
        });
        assertThat(runs.find("r2").orElseThrow()).satisfies(r -> {
            assertThat(r.status()).isEqualTo(RunRecord.TIMED_OUT);
            assertThat(r.failedStage()).isEqualTo("run");
            assertThat(r.error()).isEqualTo("too slow");
            // The stage ends as the run did, with the reason the task gave.
            assertThat(r.stages()).containsExactly(new StageRecord("run", RunRecord.TIMED_OUT, t(0), t(1),
                    "sleep interrupted"));
        });
        assertThat(runs.find("r1").orElseThrow().stages()).containsExactly(new StageRecord("run",
                RunRecord.CANCELLED, t(0), t(1), "cancelled"));
    }

    @Test
    void aStageEndReportedAfterTheRunEndedFromOutsideChangesNothing() {
        begin("r1", "t");
        runs.accept(started("t", "r1", "run", t(0)));
        runs.accept(finished("t", "r1", RunRecord.CANCELLED, null, "cancelled", null, t(0), t(1)));
        runs.accept(audit("t", "r1", "run", AuditEvent.ERROR, "sleep interrupted", t(2)));

        assertThat(runs.find("r1").orElseThrow().stages()).containsExactly(new StageRecord("run",
                RunRecord.CANCELLED, t(0), t(1), "cancelled"));
    }

    @Test
    void anUnknownEndStatusCountsAsAnError() {
        begin("r1", "t");
        runs.accept(finished("t", "r1", "exploded", null, null, null, t(0), t(1)));

        assertThat(runs.find("r1").orElseThrow().status()).isEqualTo(RunRecord.ERROR);
    }

    @Test
    void eventsOfRunsItDoesNotKnowAndEventsOutsideRunsChangeNothing() {
        runs.accept(started("t", "ghost", "run", t(0)));
        runs.accept(finished("t", "ghost", "success", null, null, "x", t(0), t(1)));
        runs.accept(new StageUpdate("t", "paused", null, null, null, t(0)));
        begin("r1", "t");
        runs.accept(new TaskSpecEvent("t", "run", "r1", USER, GROUP, t(1)));
        runs.accept(new StageUpdate("t", "run", "r1", USER, GROUP, t(1)));

        assertThat(runs.find("ghost")).isEmpty();
        assertThat(runs.find(null)).isEmpty();
        assertThat(runs.size()).isEqualTo(1);
        assertThat(runs.find("r1").orElseThrow().stages()).isEmpty();
    }

    @Test
    void aRecordHandedOutDoesNotChangeUnderLaterEvents() {
        begin("r1", "t");
        runs.accept(started("t", "r1", "run", t(0)));
        RunRecord before = runs.find("r1").orElseThrow();

        runs.accept(succeeded("t", "r1", "run", t(1)));

        assertThat(before.stages()).containsExactly(new StageRecord("run", "started", t(0), null, null));
    }

    @Test
    void nestedRunsAppearWithTheirFirstEventWhileTheirTopLevelRunIsKnownAndInheritItsTrigger() {
        begin("p", "parent");
        runs.accept(started("parent", "p", "run", t(0)));
        for (int i = 12; i >= 1; i--) {
            runs.accept(started("parent/" + i, "p." + i, "run", t(1)));
        }
        runs.accept(started("parent/3/1", "p.3.1", "run", t(2)));

        assertThat(runs.children("p")).extracting(RunRecord::runId).containsExactly("p.1", "p.2", "p.3", "p.4",
                "p.5", "p.6", "p.7", "p.8", "p.9", "p.10", "p.11", "p.12");
        assertThat(runs.children("p.3")).extracting(RunRecord::runId).containsExactly("p.3.1");
        RunRecord child = runs.find("p.1").orElseThrow();
        assertThat(child.parentRunId()).isEqualTo("p");
        assertThat(child.trigger()).isEqualTo("api");
        assertThat(child.status()).isEqualTo(RunRecord.RUNNING);
    }

    @Test
    void aTreeListsNestedRunsBeforeTheirParentsAndEndsWhatIsStillOpen() {
        begin("p", "parent");
        runs.accept(started("parent", "p", "run", t(0)));
        runs.accept(started("parent/2", "p.2", "run", t(1)));
        runs.accept(started("parent/1", "p.1", "run", t(1)));
        runs.accept(succeeded("parent/1", "p.1", "run", t(2)));
        runs.accept(finished("parent/1", "p.1", "success", null, null, "one", t(1), t(2)));
        runs.accept(started("parent/2/1", "p.2.1", "run", t(2)));

        List<RunRecord> tree = runs.tree("p", RunRecord.INTERRUPTED, "stopped", t(9));

        assertThat(tree).extracting(RunRecord::runId).containsExactly("p.2.1", "p.1", "p.2", "p");
        assertThat(tree).extracting(RunRecord::status).containsExactly(RunRecord.INTERRUPTED, RunRecord.SUCCESS,
                RunRecord.INTERRUPTED, RunRecord.INTERRUPTED);
        assertThat(tree.get(0).error()).isEqualTo("stopped");
        assertThat(tree.get(0).finishedAt()).isEqualTo(t(9));

        runs.forget("p");
        assertThat(runs.size()).isZero();
        runs.accept(succeeded("parent/2", "p.2", "run", t(10)));
        assertThat(runs.size()).as("late events of a forgotten run change nothing").isZero();
    }

    @Test
    void eachEndedStageOfARunInProgressIsHandedOnForLaterWritingButNotOnceTheRunEnded() {
        begin("r1", "t");
        runs.accept(started("t", "r1", "intake", t(0)));
        runs.accept(succeeded("t", "r1", "intake", t(1)));
        runs.accept(started("t", "r1", "run", t(2)));
        runs.accept(finished("t", "r1", RunRecord.CANCELLED, null, "cancelled", null, t(0), t(3)));
        runs.accept(audit("t", "r1", "run", AuditEvent.ERROR, "interrupted", t(4)));

        assertThat(stageEnds).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RunRecord.RUNNING);
            assertThat(r.stages()).hasSize(1);
        });
    }
}
