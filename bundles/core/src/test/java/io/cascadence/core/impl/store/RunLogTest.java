package io.cascadence.core.impl.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.cascadence.api.RunRecord;
import io.cascadence.api.RunRecord.StageRecord;
import io.cascadence.api.event.AuditEvent;
import io.cascadence.api.event.StageUpdate;
import io.cascadence.api.event.TaskRunEvent;
import io.cascadence.api.event.TaskSpecEvent;

class RunLogTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final String USER = "u".repeat(64);
    private static final String GROUP = "g".repeat(64);

    private final AtomicInteger changes = new AtomicInteger();

    private RunLog log(int retention) {
        return new RunLog(retention, changes::incrementAndGet);
    }

    private static Instant t(int seconds) {
        return T0.plusSeconds(seconds);
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

    /** A whole successful run with a single run stage, starting at {@code start} seconds. */
    private static void completeRun(RunLog log, String task, String runId, int start) {
        log.accept(started(task, runId, "run", t(start)));
        log.accept(succeeded(task, runId, "run", t(start + 1)));
        log.accept(finished(task, runId, "success", null, null, "ok", t(start), t(start + 1)));
    }

    private static List<String> ids(List<RunRecord> records) {
        return records.stream().map(RunRecord::runId).toList();
    }

    private static RunRecord record(String runId, String task, String status, Instant startedAt,
            List<StageRecord> stages) {
        String parent = runId.contains(".") ? runId.substring(0, runId.lastIndexOf('.')) : null;
        return legacy(runId, task, parent, USER, GROUP, status, startedAt,
                RunRecord.RUNNING.equals(status) ? null : startedAt.plusSeconds(1), stages, "result of " + runId,
                RunRecord.ERROR.equals(status) ? "boom" : null, RunRecord.ERROR.equals(status) ? "run" : null);
    }

    // --- building a record from events ---------------------------------------------------------------------

    @Test
    void aRunAppearsAtItsFirstStageAndIsRunningUntilItsTaskRunEvent() {
        RunLog log = log(100);

        log.accept(started("report", "r1", "intake", t(0)));

        RunRecord record = log.find("r1").orElseThrow();
        assertThat(record.runId()).isEqualTo("r1");
        assertThat(record.taskName()).isEqualTo("report");
        assertThat(record.parentRunId()).isNull();
        assertThat(record.userHash()).isEqualTo(USER);
        assertThat(record.groupHash()).isEqualTo(GROUP);
        assertThat(record.status()).isEqualTo(RunRecord.RUNNING);
        assertThat(record.startedAt()).isEqualTo(t(0));
        assertThat(record.finishedAt()).isNull();
        assertThat(record.result()).isNull();
        assertThat(record.error()).isNull();
        assertThat(record.failedStage()).isNull();
        assertThat(record.stages()).containsExactly(new StageRecord("intake", "started", t(0), null, null));

        log.accept(succeeded("report", "r1", "intake", t(1)));
        log.accept(started("report", "r1", "run", t(2)));
        log.accept(succeeded("report", "r1", "run", t(3)));

        assertThat(log.find("r1").orElseThrow().status()).isEqualTo(RunRecord.RUNNING);
        assertThat(log.find("r1").orElseThrow().finishedAt()).isNull();
    }

    @Test
    void aSuccessfulRunHasItsResultAndTimeline() {
        RunLog log = log(100);

        log.accept(started("report", "r1", "intake", t(0)));
        log.accept(succeeded("report", "r1", "intake", t(1)));
        log.accept(started("report", "r1", "run", t(2)));
        log.accept(succeeded("report", "r1", "run", t(5)));
        log.accept(finished("report", "r1", "success", null, null, "42 rows", t(0), t(6)));

        RunRecord record = log.find("r1").orElseThrow();
        assertThat(record.status()).isEqualTo(RunRecord.SUCCESS);
        assertThat(record.startedAt()).isEqualTo(t(0));
        assertThat(record.finishedAt()).isEqualTo(t(6));
        assertThat(record.result()).isEqualTo("42 rows");
        assertThat(record.error()).isNull();
        assertThat(record.failedStage()).isNull();
        assertThat(record.stages()).containsExactly(
                new StageRecord("intake", "success", t(0), t(1), null),
                new StageRecord("run", "success", t(2), t(5), null));
    }

    @Test
    void aFailedRunHasItsErrorAndFailedStage() {
        RunLog log = log(100);

        log.accept(started("report", "r1", "intake", t(0)));
        log.accept(succeeded("report", "r1", "intake", t(1)));
        log.accept(started("report", "r1", "run", t(2)));
        log.accept(audit("report", "r1", "run", AuditEvent.ERROR, "database unreachable", t(3)));
        log.accept(finished("report", "r1", "error", "run", "database unreachable", null, t(0), t(4)));

        RunRecord record = log.find("r1").orElseThrow();
        assertThat(record.status()).isEqualTo(RunRecord.ERROR);
        assertThat(record.error()).isEqualTo("database unreachable");
        assertThat(record.failedStage()).isEqualTo("run");
        assertThat(record.finishedAt()).isEqualTo(t(4));
        assertThat(record.result()).isNull();
        assertThat(record.stages()).containsExactly(
                new StageRecord("intake", "success", t(0), t(1), null),
                new StageRecord("run", "error", t(2), t(3), "database unreachable"));
    }

    @Test
    void aTaskRunEventWithAnUnknownStatusCountsAsAnError() {
        RunLog log = log(100);

        log.accept(finished("report", "r1", "cancelled", null, null, null, t(0), t(1)));

        assertThat(log.find("r1").orElseThrow().status()).isEqualTo(RunRecord.ERROR);
    }

    @Test
    void aTaskRunEventAloneCreatesACompleteRecord() {
        RunLog log = log(100);

        log.accept(finished("report", "r1", "success", null, null, "done", t(3), t(7)));

        RunRecord record = log.find("r1").orElseThrow();
        assertThat(record.taskName()).isEqualTo("report");
        assertThat(record.status()).isEqualTo(RunRecord.SUCCESS);
        assertThat(record.startedAt()).isEqualTo(t(3));
        assertThat(record.finishedAt()).isEqualTo(t(7));
        assertThat(record.result()).isEqualTo("done");
        assertThat(record.userHash()).isEqualTo(USER);
        assertThat(record.groupHash()).isEqualTo(GROUP);
        assertThat(record.stages()).isEmpty();
    }

    @Test
    void theTimelineKeepsStageOrderAndStatusesIncludingSkippedStagesWithoutAStart() {
        RunLog log = log(100);
        String task = "pipeline";

        log.accept(started(task, "r1", "intake", t(0)));
        log.accept(succeeded(task, "r1", "intake", t(1)));
        log.accept(audit(task, "r1", "research", AuditEvent.SKIPPED, "no research provider", t(2)));
        log.accept(started(task, "r1", "plan", t(3)));
        log.accept(succeeded(task, "r1", "plan", t(4)));
        log.accept(started(task, "r1", "precheck", t(5)));
        log.accept(audit(task, "r1", "precheck", AuditEvent.ERROR, "quota exceeded", t(6)));
        log.accept(finished(task, "r1", "error", "precheck", "quota exceeded", null, t(0), t(7)));

        RunRecord record = log.find("r1").orElseThrow();
        assertThat(record.stages()).extracting(StageRecord::stage)
                .containsExactly("intake", "research", "plan", "precheck");
        assertThat(record.stages()).extracting(StageRecord::status)
                .containsExactly("success", "skipped", "success", "error");
        assertThat(record.stages().get(1)).isEqualTo(
                new StageRecord("research", "skipped", t(2), t(2), "no research provider"));
        assertThat(record.stages().get(3).reason()).isEqualTo("quota exceeded");
        assertThat(record.failedStage()).isEqualTo("precheck");
    }

    @Test
    void aStageStillOpenStaysStartedWhileALaterStageEnds() {
        RunLog log = log(100);

        log.accept(started("t", "r1", "run", t(0)));
        log.accept(audit("t", "r1", "verify", AuditEvent.SKIPPED, "not implemented", t(1)));

        assertThat(log.find("r1").orElseThrow().stages()).containsExactly(
                new StageRecord("run", "started", t(0), null, null),
                new StageRecord("verify", "skipped", t(1), t(1), "not implemented"));
    }

    @Test
    void aRecordAlreadyHandedOutDoesNotChangeUnderLaterEvents() {
        RunLog log = log(100);
        log.accept(started("t", "r1", "run", t(0)));
        RunRecord before = log.find("r1").orElseThrow();

        log.accept(succeeded("t", "r1", "run", t(1)));
        log.accept(finished("t", "r1", "success", null, null, "x", t(0), t(1)));

        assertThat(before.status()).isEqualTo(RunRecord.RUNNING);
        assertThat(before.stages()).containsExactly(new StageRecord("run", "started", t(0), null, null));
        assertThat(log.find("r1").orElseThrow().status()).isEqualTo(RunRecord.SUCCESS);
    }

    @Test
    void unknownRunsAreNotFound() {
        RunLog log = log(100);
        completeRun(log, "t", "r1", 0);

        assertThat(log.find("nope")).isEmpty();
        assertThat(log.find(null)).isEmpty();
        assertThat(log.forTask("other", 0, 10)).isEmpty();
        assertThat(log.children("r1")).isEmpty();
        assertThat(log.children("nope")).isEmpty();
    }

    // --- events outside runs, other kinds, change notification ---------------------------------------------

    @Test
    void eventsWithoutARunIdAreIgnored() {
        RunLog log = log(100);

        log.accept(started("report", null, "run", t(0)));
        log.accept(new TaskRunEvent("report", null, null, "success", null, null, "x", t(0), t(1), USER, GROUP));

        assertThat(log.forTask("report", 0, 10)).isEmpty();
        assertThat(log.snapshot()).isEmpty();
        assertThat(changes).hasValue(0);
    }

    @Test
    void stageUpdatesAndTaskSpecsDoNotMakeRecords() {
        RunLog log = log(100);

        log.accept(new StageUpdate("report", "intake", "r1", USER, GROUP, t(0)));
        log.accept(new TaskSpecEvent("report", "intake", "r1", USER, GROUP, t(0)));

        assertThat(log.find("r1")).isEmpty();
        assertThat(log.snapshot()).isEmpty();
        assertThat(changes).hasValue(0);
    }

    @Test
    void everyAuditAndTaskRunEventIsReportedAsAChange() {
        RunLog log = log(100);

        log.accept(started("t", "r1", "run", t(0)));
        assertThat(changes).hasValue(1);
        log.accept(succeeded("t", "r1", "run", t(1)));
        assertThat(changes).hasValue(2);
        log.accept(finished("t", "r1", "success", null, null, "x", t(0), t(1)));
        assertThat(changes).hasValue(3);
    }

    // --- listing per task ------------------------------------------------------------------------------------

    @Test
    void forTaskListsNewestFirstWithOffsetAndLimit() {
        RunLog log = log(100);
        for (int i = 1; i <= 5; i++) {
            completeRun(log, "report", "r" + i, i * 10);
        }
        completeRun(log, "other", "o1", 100);

        assertThat(ids(log.forTask("report", 0, 100))).containsExactly("r5", "r4", "r3", "r2", "r1");
        assertThat(ids(log.forTask("report", 0, 2))).containsExactly("r5", "r4");
        assertThat(ids(log.forTask("report", 1, 2))).containsExactly("r4", "r3");
        assertThat(ids(log.forTask("report", 4, 10))).containsExactly("r1");
        assertThat(ids(log.forTask("report", 5, 10))).isEmpty();
        assertThat(ids(log.forTask("report", 0, 0))).isEmpty();
        assertThat(ids(log.forTask("other", 0, 10))).containsExactly("o1");
        assertThat(log.forTask("report", 0, 1).get(0).status()).isEqualTo(RunRecord.SUCCESS);
    }

    // --- nested runs -----------------------------------------------------------------------------------------

    @Test
    void nestedRunsAreChildrenOfTheirParentAndNotListedForTheParentTask() {
        RunLog log = log(100);
        log.accept(started("report", "p", "plan", t(0)));
        log.accept(succeeded("report", "p", "plan", t(1)));
        completeRun(log, "report/1", "p.1", 2);
        completeRun(log, "report/2", "p.2", 4);
        log.accept(finished("report", "p", "success", null, null, "[a, b]", t(0), t(6)));

        assertThat(ids(log.children("p"))).containsExactly("p.1", "p.2");
        assertThat(log.children("p")).allSatisfy(child -> assertThat(child.parentRunId()).isEqualTo("p"));
        assertThat(ids(log.forTask("report", 0, 10))).containsExactly("p");
        assertThat(log.find("p.1").orElseThrow().taskName()).isEqualTo("report/1");
        assertThat(log.find("p").orElseThrow().parentRunId()).isNull();
        assertThat(log.children("p.1")).isEmpty();
    }

    @Test
    void nestedRunsOfNestedRunsAreChildrenOfTheirOwnParent() {
        RunLog log = log(100);
        completeRun(log, "report", "p", 0);
        completeRun(log, "report/1", "p.1", 1);
        completeRun(log, "report/1/1", "p.1.1", 2);
        completeRun(log, "report/1/2", "p.1.2", 3);

        assertThat(ids(log.children("p"))).containsExactly("p.1");
        assertThat(ids(log.children("p.1"))).containsExactly("p.1.1", "p.1.2");
        assertThat(log.find("p.1.2").orElseThrow().parentRunId()).isEqualTo("p.1");
    }

    @Test
    void moreThanNineSequentialChildrenKeepTheirPlanOrder() {
        RunLog log = log(100);
        completeRun(log, "report", "p", 0);
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            completeRun(log, "report/" + i, "p." + i, i * 2);
            expected.add("p." + i);
        }

        assertThat(ids(log.children("p"))).containsExactlyElementsOf(expected);
    }

    @Test
    void childrenOfAParallelPlanAreInPlanOrderWhateverOrderTheyStartedIn() {
        RunLog log = log(100);
        completeRun(log, "report", "p", 0);
        // a parallel plan: the executor happened to start the second task a moment before the first
        log.accept(started("report/2", "p.2", "run", t(10)));
        log.accept(started("report/1", "p.1", "run", t(11)));

        assertThat(ids(log.children("p"))).containsExactly("p.1", "p.2");
    }

    // --- retention -------------------------------------------------------------------------------------------

    @Test
    void retentionKeepsOnlyTheNewestRuns() {
        RunLog log = log(3);
        for (int i = 1; i <= 5; i++) {
            completeRun(log, "report", "r" + i, i * 10);
        }

        assertThat(log.find("r1")).isEmpty();
        assertThat(log.find("r2")).isEmpty();
        assertThat(log.find("r3")).isPresent();
        assertThat(log.find("r4")).isPresent();
        assertThat(log.find("r5")).isPresent();
        assertThat(ids(log.forTask("report", 0, 100))).containsExactly("r5", "r4", "r3");
        assertThat(ids(log.forTask("report", 2, 100))).containsExactly("r3");
        assertThat(ids(log.snapshot())).containsExactly("r3", "r4", "r5");
    }

    @Test
    void retentionCountsRunsOfAllTasksAndNestedRuns() {
        RunLog log = log(3);
        completeRun(log, "a", "p", 0);
        completeRun(log, "a/1", "p.1", 1);
        completeRun(log, "b", "q", 2);
        completeRun(log, "c", "s", 3);

        assertThat(log.find("p")).isEmpty();
        assertThat(log.forTask("a", 0, 10)).isEmpty();
        assertThat(ids(log.snapshot())).containsExactly("p.1", "q", "s");
    }

    @Test
    void aRunForgottenWhileRunningIsNeverListedTwice() {
        RunLog log = log(2);
        log.accept(started("report", "long", "run", t(0))); // a long run starts...
        completeRun(log, "report", "r2", 1);
        completeRun(log, "report", "r3", 2); // ...and is forgotten, the retention being 2
        log.accept(succeeded("report", "long", "run", t(10)));
        log.accept(finished("report", "long", "success", null, null, "late", t(0), t(10)));

        List<String> listed = ids(log.forTask("report", 0, 100));
        assertThat(listed).doesNotHaveDuplicates().hasSize(2).contains("long");
        assertThat(ids(log.snapshot())).doesNotHaveDuplicates().hasSize(2);
    }

    // --- restore and snapshot --------------------------------------------------------------------------------

    @Test
    void restoredRecordsAreFoundAndListedInTheirOrder() {
        RunLog log = log(100);
        RunRecord r1 = record("r1", "report", RunRecord.SUCCESS, t(0),
                List.of(new StageRecord("run", "success", t(0), t(1), null)));
        RunRecord r2 = record("r2", "report", RunRecord.ERROR, t(10),
                List.of(new StageRecord("run", "error", t(10), t(11), "boom")));
        RunRecord r3 = record("r3", "report", RunRecord.RUNNING, t(20), List.of());

        List.of(r1, r2, r3).forEach(log::restore);

        assertThat(log.find("r1")).contains(r1);
        assertThat(log.find("r2")).contains(r2);
        assertThat(log.find("r3")).contains(r3);
        assertThat(log.forTask("report", 0, 10)).containsExactly(r3, r2, r1);
        assertThat(log.snapshot()).containsExactly(r1, r2, r3);
    }

    @Test
    void restoredChildrenAreLinkedToTheirParent() {
        RunLog log = log(100);
        RunRecord parent = record("p", "report", RunRecord.SUCCESS, t(0), List.of());
        RunRecord first = record("p.1", "report/1", RunRecord.SUCCESS, t(1), List.of());
        RunRecord second = record("p.2", "report/2", RunRecord.SUCCESS, t(2), List.of());

        List.of(parent, first, second).forEach(log::restore);

        assertThat(log.children("p")).containsExactly(first, second);
        assertThat(log.forTask("report", 0, 10)).containsExactly(parent);
    }

    @Test
    void restoringMoreThanTheRetentionKeepsTheNewest() {
        RunLog log = log(2);
        for (int i = 1; i <= 4; i++) {
            log.restore(record("r" + i, "report", RunRecord.SUCCESS, t(i), List.of()));
        }

        assertThat(ids(log.forTask("report", 0, 10))).containsExactly("r4", "r3");
        assertThat(log.find("r1")).isEmpty();
    }

    @Test
    void aRestoredRunningRecordIsCompletedByLaterEvents() {
        RunLog log = log(100);
        log.restore(record("r1", "report", RunRecord.RUNNING, t(0),
                List.of(new StageRecord("run", "started", t(0), null, null))));

        log.accept(succeeded("report", "r1", "run", t(5)));
        log.accept(finished("report", "r1", "success", null, null, "late", t(0), t(6)));

        RunRecord record = log.find("r1").orElseThrow();
        assertThat(record.status()).isEqualTo(RunRecord.SUCCESS);
        assertThat(record.result()).isEqualTo("late");
        assertThat(record.stages()).containsExactly(new StageRecord("run", "success", t(0), t(5), null));
        assertThat(ids(log.forTask("report", 0, 10))).containsExactly("r1");
    }

    @Test
    void restoringTheSameRunTwiceKeepsOneRecord() {
        RunLog log = log(100);
        RunRecord first = record("r1", "report", RunRecord.SUCCESS, t(0), List.of());
        RunRecord again = record("r1", "report", RunRecord.ERROR, t(0), List.of());

        log.restore(first);
        log.restore(again);

        assertThat(log.find("r1")).contains(first);
        assertThat(log.forTask("report", 0, 10)).containsExactly(first);
        assertThat(log.snapshot()).containsExactly(first);
    }

    @Test
    void aSnapshotRestoredIntoANewLogGivesTheSameHistory() throws Exception {
        RunLog log = log(100);
        completeRun(log, "report", "p", 0);
        completeRun(log, "report/1", "p.1", 1);
        log.accept(started("report", "r2", "run", t(5)));
        log.accept(audit("report", "r2", "run", AuditEvent.ERROR, "boom", t(6)));
        log.accept(finished("report", "r2", "error", "run", "boom", null, t(5), t(6)));

        RunLog restored = log(100);
        RunRecordsJson.read(RunRecordsJson.write(log.snapshot())).forEach(restored::restore);

        assertThat(restored.snapshot()).isEqualTo(log.snapshot());
        assertThat(restored.forTask("report", 0, 10)).isEqualTo(log.forTask("report", 0, 10));
        assertThat(restored.children("p")).isEqualTo(log.children("p"));
    }

    // --- concurrency -----------------------------------------------------------------------------------------

    @Test
    void concurrentWritersNeverLoseEachOthersRuns() throws Exception {
        RunLog log = log(10_000);
        int threads = 4;
        int runsPerThread = 500;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                String task = "task" + thread;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < runsPerThread; i++) {
                        String runId = task + "-run" + i;
                        log.accept(started(task, runId, "intake", t(i)));
                        log.accept(succeeded(task, runId, "intake", t(i)));
                        log.accept(started(task, runId, "run", t(i)));
                        log.accept(succeeded(task, runId, "run", t(i + 1)));
                        log.accept(finished(task, runId, "success", null, null, "ok", t(i), t(i + 1)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        for (int thread = 0; thread < threads; thread++) {
            String task = "task" + thread;
            for (int i = 0; i < runsPerThread; i++) {
                RunRecord record = log.find(task + "-run" + i).orElseThrow(() -> new AssertionError("lost a run"));
                assertThat(record.status()).isEqualTo(RunRecord.SUCCESS);
                assertThat(record.stages()).extracting(StageRecord::status).containsExactly("success", "success");
            }
            assertThat(log.forTask(task, 0, 10_000)).hasSize(runsPerThread);
        }
        assertThat(log.snapshot()).hasSize(threads * runsPerThread);
        assertThat(changes).hasValue(threads * runsPerThread * 5);
    }

    @Test
    void concurrentStagesOfTheSameRunsAreAllRecorded() throws Exception {
        RunLog log = log(10_000);
        int threads = 8;
        int runs = 300;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                String stage = "stage" + thread;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < runs; i++) {
                        log.accept(started("t", "r" + i, stage, t(0)));
                        log.accept(succeeded("t", "r" + i, stage, t(1)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(log.forTask("t", 0, 10_000)).hasSize(runs);
        for (int i = 0; i < runs; i++) {
            assertThat(log.find("r" + i).orElseThrow().stages())
                    .hasSize(threads)
                    .allSatisfy(stage -> assertThat(stage.status()).isEqualTo("success"));
        }
    }

    @Test
    void concurrentWritersBeyondTheRetentionLeaveExactlyTheRetention() throws Exception {
        RunLog log = log(100);
        int threads = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                String task = "task" + thread;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 500; i++) {
                        log.accept(finished(task, task + "-" + i, "success", null, null, "ok", t(i), t(i + 1)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(log.snapshot()).hasSize(100);
        int listed = 0;
        for (int thread = 0; thread < threads; thread++) {
            listed += log.forTask("task" + thread, 0, 10_000).size();
        }
        assertThat(listed).isEqualTo(100);
    }

    /** A record in the shape of runs.json before triggers and inputs: submitted when it started. */
    private static RunRecord legacy(String runId, String task, String parent, String user, String group, String status,
            Instant startedAt, Instant finishedAt, List<StageRecord> stages, String result, String error,
            String failedStage) {
        return new RunRecord(runId, task, parent, null, status, startedAt, startedAt, finishedAt, null, user, group,
                null, result, error, failedStage, stages);
    }
}
