package io.cascadence.core.impl.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.cascadence.api.Identity;
import io.cascadence.api.InvalidRequestException;
import io.cascadence.api.RunContext;
import io.cascadence.api.RunHandle;
import io.cascadence.api.RunRecord;
import io.cascadence.api.RunRejectedException;
import io.cascadence.api.RunRequest;
import io.cascadence.api.RunResult;
import io.cascadence.api.RunStateException;
import io.cascadence.api.StoreUnavailableException;
import io.cascadence.api.TaskFailedException;
import io.cascadence.api.TaskStateException;
import io.cascadence.api.Trigger;
import io.cascadence.api.UnknownRunException;
import io.cascadence.api.UnknownTaskException;
import io.cascadence.core.impl.pipeline.IdentityHasherTest;

@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a blocked thread fails, not hangs
class RunEngineTest {

    private static final String ALICE_NO_SECRET = IdentityHasherTest.ALICE_NO_SECRET;
    private static final String ALICE_SECRET_S = IdentityHasherTest.ALICE_SECRET_S;
    private static final String OPS_TEAM_NO_SECRET =
            "746389098b0a04dbd3220b3cc1ce83a91c4146f1e8a603edec13873a919d1239";

    private final EngineFixture fixture = new EngineFixture();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() {
        release.countDown();
        fixture.close();
    }

    /** A task whose run waits (interruptibly) until the test releases it, and says when it started. */
    private CountDownLatch blocking(String name) {
        CountDownLatch started = new CountDownLatch(1);
        fixture.task(name, context -> {
            started.countDown();
            release.await();
            return "released";
        });
        return started;
    }

    @Test
    void aRunReturnsItsResultUnderAFreshIdAndRunsOnAWorkerNeverOnTheCallersThread() throws Exception {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        fixture.task("hello", context -> {
            ranOn.set(Thread.currentThread());
            return "hello world";
        });

        RunResult first = fixture.run("hello");
        RunResult second = fixture.run("hello");

        assertThat(first.result()).isEqualTo("hello world");
        assertThat(UUID.fromString(first.runId()).toString()).isEqualTo(first.runId());
        assertThat(second.runId()).isNotEqualTo(first.runId());
        assertThat(ranOn.get()).isNotSameAs(Thread.currentThread());
        assertThat(ranOn.get().getName()).startsWith("test-run-");
        assertThat(fixture.store.find(first.runId())).get().extracting(RunRecord::status).isEqualTo("success");
        assertThat(fixture.engine.inFlight()).isZero();
        assertThat(fixture.active.size()).as("nothing of a stored run stays in memory").isZero();
    }

    @Test
    void unknownPausedAndDisabledTasksAreRefusedBeforeAnythingIsRecorded() {
        fixture.task("hello", context -> "hi");

        assertThatThrownBy(() -> fixture.submit("nope")).isInstanceOf(UnknownTaskException.class)
                .hasMessage("Unknown task: nope");
        fixture.control.pause("hello");
        assertThatThrownBy(() -> fixture.submit("hello")).isInstanceOf(TaskStateException.class)
                .hasMessage("Task 'hello' is paused");
        fixture.control.disable("hello");
        assertThatThrownBy(() -> fixture.submit("hello")).hasMessage("Task 'hello' is disabled");

        assertThat(fixture.store.count()).isZero();
    }

    @Test
    void aRunIsRecordedAsQueuedBeforeItsCallerHearsOfItAndBeforeItStarts() throws Exception {
        CountDownLatch started = blocking("slow");
        fixture.store.holdWrites();

        CompletableFuture<RunHandle> submitting = CompletableFuture.supplyAsync(() -> fixture.submit("slow"));

        assertThat(started.await(300, TimeUnit.MILLISECONDS)).as("started before its record was written").isFalse();
        assertThat(submitting).isNotDone();
        fixture.store.releaseWrites();
        RunHandle handle = submitting.get(5, TimeUnit.SECONDS);
        assertThat(fixture.store.batches().get(0)).singleElement().satisfies(record -> {
            assertThat(record.runId()).isEqualTo(handle.runId());
            assertThat(record.status()).isEqualTo(RunRecord.QUEUED);
            assertThat(record.trigger()).isEqualTo("api");
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void theOutcomeIsGivenOnlyOnceTheFinalRecordIsStored() throws Exception {
        CountDownLatch started = blocking("slow");
        RunHandle handle = fixture.submit("slow");
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        fixture.store.holdWrites();

        release.countDown();

        CompletableFuture<RunResult> outcome = handle.completion().toCompletableFuture();
        assertThat(outcome).as("answered before its record was written").isNotDone();
        Thread.sleep(200);
        assertThat(outcome).isNotDone();
        fixture.store.releaseWrites();
        assertThat(outcome.get(5, TimeUnit.SECONDS).result()).isEqualTo("released");
        assertThat(fixture.store.find(handle.runId())).get().extracting(RunRecord::status).isEqualTo("success");
    }

    @Test
    void atMostMaxConcurrentRunsRunTheNextWaitAndBeyondTheQueueRunsAreRefused() throws Exception {
        fixture.maxConcurrent.set(1);
        fixture.queueCapacity.set(1);
        CountDownLatch started = blocking("slow");

        RunHandle first = fixture.submit("slow");
        RunHandle second = fixture.submit("slow");
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> fixture.submit("slow")).isInstanceOfSatisfying(RunRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(RunRejectedException.Reason.QUEUE_FULL))
                .hasMessageContaining("max_concurrent_runs = 1").hasMessageContaining("run_queue_capacity = 1");
        assertThat(fixture.engine.queued()).isEqualTo(1);
        assertThat(fixture.active.find(second.runId())).get().extracting(RunRecord::status)
                .isEqualTo(RunRecord.QUEUED);

        release.countDown();
        assertThat(first.completion().toCompletableFuture().get(5, TimeUnit.SECONDS).result()).isEqualTo("released");
        assertThat(second.completion().toCompletableFuture().get(5, TimeUnit.SECONDS).result()).isEqualTo("released");
        assertThat(fixture.submit("slow").completion().toCompletableFuture().get(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void aRunLongerThanItsTimeoutIsInterruptedAndRecordedAsTimedOut() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        fixture.timeouts.put("sleepy", Duration.ofMillis(200));
        fixture.task("sleepy", context -> {
            try {
                Thread.sleep(20_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return "woke";
        });

        RunHandle handle = fixture.submit("sleepy");

        TaskFailedException failure = failure(handle);
        assertThat(failure.status()).isEqualTo(RunRecord.TIMED_OUT);
        assertThat(failure.stage()).isEqualTo("run");
        assertThat(failure.getMessage()).isEqualTo("the run took longer than its timeout of 0.2 s");
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("the stage was interrupted").isTrue();
        RunRecord record = fixture.store.find(handle.runId()).orElseThrow();
        assertThat(record.status()).isEqualTo(RunRecord.TIMED_OUT);
        assertThat(record.failedStage()).isEqualTo("run");
        assertThat(record.finishedAt()).isNotNull();
        assertThat(fixture.bus.runEvents(handle.runId())).singleElement()
                .satisfies(event -> assertThat(event.status()).isEqualTo(RunRecord.TIMED_OUT));
    }

    @Test
    void aRunningRunCanBeCancelledOnceAndAnUnknownOrEndedOneCannot() throws Exception {
        CountDownLatch started = blocking("slow");
        RunHandle handle = fixture.submit("slow");
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        fixture.engine.cancel(handle.runId());

        TaskFailedException failure = failure(handle);
        assertThat(failure.status()).isEqualTo(RunRecord.CANCELLED);
        assertThat(fixture.store.find(handle.runId())).get().satisfies(record -> {
            assertThat(record.status()).isEqualTo(RunRecord.CANCELLED);
            assertThat(record.error()).isEqualTo("cancelled");
            assertThat(record.failedStage()).isEqualTo("run");
        });
        assertThatThrownBy(() -> fixture.engine.cancel(handle.runId())).isInstanceOf(RunStateException.class)
                .hasMessage("Run " + handle.runId() + " has already ended (cancelled)");
        assertThatThrownBy(() -> fixture.engine.cancel("no-such-run")).isInstanceOf(UnknownRunException.class)
                .hasMessage("Unknown run: no-such-run");
    }

    @Test
    void aQueuedRunCanBeCancelledAndNeverStarts() throws Exception {
        fixture.maxConcurrent.set(1);
        CountDownLatch started = blocking("slow");
        AtomicBoolean ran = new AtomicBoolean();
        fixture.task("other", context -> ran.getAndSet(true));
        RunHandle first = fixture.submit("slow");
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        RunHandle waiting = fixture.submit("other");

        fixture.engine.cancel(waiting.runId());

        assertThat(failure(waiting).status()).isEqualTo(RunRecord.CANCELLED);
        release.countDown();
        first.completion().toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(ran).isFalse();
        assertThat(fixture.store.find(waiting.runId())).get().satisfies(record -> {
            assertThat(record.status()).isEqualTo(RunRecord.CANCELLED);
            assertThat(record.startedAt()).isNull();
            assertThat(record.failedStage()).isNull();
        });
    }

    @Test
    void aTaskThatIgnoresInterruptionFreesItsSlotAndIsReportedUntilItReturns() throws Exception {
        fixture.maxConcurrent.set(1);
        AtomicBoolean letGo = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        fixture.task("stubborn", context -> {
            started.countDown();
            while (!letGo.get()) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException ignored) {
                    // this task does not care
                }
            }
            return "finally";
        });
        fixture.task("quick", context -> "quick");
        RunHandle stubborn = fixture.submit("stubborn");
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        fixture.engine.cancel(stubborn.runId());

        assertThat(failure(stubborn).status()).isEqualTo(RunRecord.CANCELLED);
        assertThat(fixture.run("quick").result()).as("the slot is free again").isEqualTo("quick");
        assertThat(fixture.engine.warnings()).singleElement().asString()
                .contains(stubborn.runId()).contains("'stubborn'").contains("ignores interruption");
        letGo.set(true);
        Await.until(() -> fixture.engine.warnings().isEmpty());
        assertThat(fixture.store.find(stubborn.runId())).get().extracting(RunRecord::status)
                .as("its late result changes nothing").isEqualTo(RunRecord.CANCELLED);
    }

    @Test
    void aStopWaitsForRunsInProgressThenEndsTheRestAsInterruptedAndRefusesNewOnes() throws Exception {
        fixture.maxConcurrent.set(1);
        CountDownLatch started = blocking("slow");
        RunHandle running = fixture.submit("slow");
        RunHandle waiting = fixture.submit("slow");
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        int ended = fixture.engine.stop(Duration.ofMillis(200));

        assertThat(ended).isEqualTo(2);
        assertThat(failure(running).status()).isEqualTo(RunRecord.INTERRUPTED);
        assertThat(fixture.store.find(running.runId()).orElseThrow().error())
                .isEqualTo("Cascadence stopped while the run was in progress");
        assertThat(fixture.store.find(waiting.runId()).orElseThrow().error())
                .isEqualTo("Cascadence stopped before the run started");
        assertThatThrownBy(() -> fixture.submit("slow")).isInstanceOfSatisfying(RunRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(RunRejectedException.Reason.STOPPING));
    }

    @Test
    void aStopLetsARunThatEndsWithinTheGraceFinish() throws Exception {
        fixture.task("brief", context -> {
            Thread.sleep(100);
            return "done";
        });
        RunHandle handle = fixture.submit("brief");

        assertThat(fixture.engine.stop(Duration.ofSeconds(10))).isZero();

        assertThat(handle.completion().toCompletableFuture().get(5, TimeUnit.SECONDS).result()).isEqualTo("done");
        assertThat(fixture.store.find(handle.runId())).get().extracting(RunRecord::status).isEqualTo("success");
    }

    @Test
    void theInputTriggerAndDueTimeReachTheStagesAndTheRecord() throws Exception {
        AtomicReference<RunContext> seen = new AtomicReference<>();
        fixture.task("echo", context -> {
            seen.set(context);
            return context.input();
        });
        Instant due = Instant.parse("2026-11-30T12:00:00Z");
        Map<String, Object> input = Map.of("repo", "cascadence", "numbers", List.of(1, 2.5), "flag", true);

        RunResult result = fixture.run(RunRequest.of("echo", Trigger.CRON).withInput(input).withDueAt(due));

        assertThat(seen.get().input()).isEqualTo(input);
        assertThat(seen.get().trigger()).isEqualTo("cron");
        assertThat(seen.get().dueAt()).contains(due);
        assertThat(seen.get().cancelled()).isFalse();
        RunRecord record = fixture.store.find(result.runId()).orElseThrow();
        assertThat(record.trigger()).isEqualTo("cron");
        assertThat(record.dueAt()).isEqualTo(due);
        assertThat(record.input()).contains("\"repo\":\"cascadence\"").contains("[1,2.5]");
    }

    @Test
    void aLargeInputIsRecordedAsAPreview() throws Exception {
        fixture.task("echo", context -> "ok");

        RunResult result = fixture.run(RunRequest.of("echo", Trigger.API).withInput("x".repeat(5000)));

        assertThat(fixture.store.find(result.runId()).orElseThrow().input()).hasSize(InputPreview.MAX)
                .endsWith("...");
    }

    @Test
    void aRunCarriesTheIdItWasAskedForAndAnIdInUseIsRefused() throws Exception {
        fixture.task("hello", context -> context.runId());

        RunResult result = fixture.run(RunRequest.of("hello", Trigger.TEMPORAL).withRunId("wf-42"));

        assertThat(result.runId()).isEqualTo("wf-42");
        assertThat(result.result()).isEqualTo("wf-42");
        assertThatThrownBy(() -> fixture.run(RunRequest.of("hello", Trigger.TEMPORAL).withRunId("wf-42")))
                .isInstanceOf(InvalidRequestException.class).hasMessage("run id 'wf-42' is in use");
    }

    @Test
    void aRunThatCannotBeRecordedIsRefusedAndTakesNoSlot() throws Exception {
        fixture.maxConcurrent.set(1);
        fixture.queueCapacity.set(0);
        AtomicBoolean ran = new AtomicBoolean();
        fixture.task("hello", context -> ran.getAndSet(true));
        fixture.store.failWith(new IllegalStateException("disk full"));

        assertThatThrownBy(() -> fixture.submit("hello")).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("the run history cannot record it").hasMessageContaining("disk full");

        assertThat(ran).isFalse();
        assertThat(fixture.engine.inFlight()).isZero();
        fixture.store.failWith(null);
        assertThat(fixture.run("hello")).isNotNull();
    }

    @Test
    void aRunWhoseFinalRecordCannotBeWrittenIsNotReportedAsASuccess() throws Exception {
        CountDownLatch started = blocking("slow");
        RunHandle handle = fixture.submit("slow");
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        fixture.store.failWith(new IllegalStateException("database gone"));

        release.countDown();

        assertThat(handle.completion().toCompletableFuture()).failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(ExecutionException.class).havingCause()
                .isInstanceOf(StoreUnavailableException.class).withMessageContaining("database gone");
    }

    @Test
    void recoveryEndsTheRecordsACrashLeftOpen() {
        Instant then = Instant.parse("2026-11-29T10:00:00Z");
        fixture.store.put(new RunRecord("crashed", "slow", null, "api", RunRecord.RUNNING, then, then, null, null,
                null, null, null, null, null, null, List.of()));
        fixture.store.put(new RunRecord("done", "slow", null, "api", RunRecord.SUCCESS, then, then, then, null,
                null, null, null, "ok", null, null, List.of()));

        assertThat(fixture.engine.recover()).isEqualTo(1);

        RunRecord crashed = fixture.store.find("crashed").orElseThrow();
        assertThat(crashed.status()).isEqualTo(RunRecord.INTERRUPTED);
        assertThat(crashed.error()).contains("crash");
        assertThat(fixture.store.find("done").orElseThrow().status()).isEqualTo(RunRecord.SUCCESS);
    }

    @Test
    void nestedRunsAreStoredWithTheirParentAndBeforeIt() throws Exception {
        io.cascadence.api.Task child = context -> "child of " + context.parentRunId().orElse("?");
        fixture.task("parent", new ParentTask(child));

        RunResult result = fixture.run("parent");

        List<RunRecord> last = fixture.store.batches().get(fixture.store.batches().size() - 1);
        assertThat(last).extracting(RunRecord::runId).containsExactly(result.runId() + ".1", result.runId() + ".2",
                result.runId());
        assertThat(last.get(0).trigger()).isEqualTo("api");
        assertThat(fixture.store.children(result.runId())).hasSize(2);
    }

    @Test
    void aFailedRunEndsItsHandleWithTheStageAndIsRecorded() {
        fixture.task("broken", context -> {
            throw new IllegalStateException("it broke");
        });

        RunHandle handle = fixture.submit("broken");

        TaskFailedException failure = failure(handle);
        assertThat(failure).hasMessage("it broke");
        assertThat(failure.stage()).isEqualTo("run");
        assertThat(failure.status()).isEqualTo(RunRecord.ERROR);
        assertThat(fixture.store.find(handle.runId())).get().satisfies(record -> {
            assertThat(record.status()).isEqualTo(RunRecord.ERROR);
            assertThat(record.error()).isEqualTo("it broke");
        });
    }

    private static TaskFailedException failure(RunHandle handle) {
        try {
            handle.completion().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(TaskFailedException.class);
            return (TaskFailedException) e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the run succeeded");
    }

    /** A task whose plan is two copies of a child task. */
    private record ParentTask(io.cascadence.api.Task child) implements io.cascadence.api.Task, io.cascadence.api.Plan {
        @Override
        public Object plan(RunContext context) {
            return List.of(child, child);
        }

        @Override
        public Object run(RunContext context) {
            return context.planResult();
        }
    }

    @Test
    void identitiesAreHashedWithTheCurrentSecretAndTheRawIdsAreNeverSentNorStored() throws Exception {
        AtomicReference<RunContext> seen = new AtomicReference<>();
        fixture.task("who", context -> {
            seen.set(context);
            return "ok";
        });

        RunResult plain = fixture.run(EngineFixture.request("who", new Identity("alice", "ops-team")));

        assertThat(seen.get().userHash()).contains(ALICE_NO_SECRET);
        assertThat(seen.get().groupHash()).contains(OPS_TEAM_NO_SECRET);
        assertThat(seen.get().identity().userId()).isEqualTo("alice");
        assertThat(fixture.bus.all()).isNotEmpty().noneMatch(event -> event.toString().contains("alice"));
        assertThat(fixture.store.find(plain.runId()).orElseThrow().userHash()).isEqualTo(ALICE_NO_SECRET);

        fixture.secret.set("s");
        fixture.run(EngineFixture.request("who", new Identity("alice", null)));
        assertThat(seen.get().userHash()).contains(ALICE_SECRET_S);
        assertThat(seen.get().groupHash()).isEmpty();

        fixture.run(EngineFixture.request("who", new Identity(ALICE_NO_SECRET, null)));
        assertThat(seen.get().userHash()).as("a hash is not hashed again").contains(ALICE_NO_SECRET);
    }
}
