package io.cascadence.core.impl.pipeline;

import static io.cascadence.core.impl.pipeline.Pipelines.RUN_ID;
import static io.cascadence.core.impl.pipeline.Pipelines.pipeline;
import static io.cascadence.core.impl.pipeline.Pipelines.services;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Stages that complete later, and pausing between stages: the pipeline composes and never holds a thread. */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a blocked thread fails, not hangs
class TaskPipelineAsyncTest {

    private static final Duration NO_WAITING = Duration.ofSeconds(5);

    private final RecordingBus bus = new RecordingBus();
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> new Thread(r, "pipeline-pool"));

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void aStageCompletingLaterOnAnotherThreadDoesNotHoldTheCaller() throws Exception {
        CompletableFuture<Object> later = new CompletableFuture<>();
        StagedTask task = StagedTask.named("slow").run(c -> later).verify((c, result) -> "verified " + result);
        TaskPipeline pipeline = pipeline(task.build(), services(bus));

        CompletableFuture<Object> result = assertTimeoutPreemptively(NO_WAITING, pipeline::start);

        assertThat(result).isNotDone();
        assertThat(task.calls()).containsExactly("run");
        Thread completer = new Thread(() -> later.complete("late value"), "foreign");
        completer.start();
        assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("verified late value");
        assertThat(task.calls()).containsExactly("run", "verify");
    }

    @Test
    void afterAStageCompletesOnAForeignThreadTheRestRunsOnTheExecutor() throws Exception {
        CompletableFuture<Object> later = new CompletableFuture<>();
        AtomicReference<String> runThread = new AtomicReference<>();
        StagedTask task = StagedTask.named("handed-over").intake(c -> later).run(c -> {
            runThread.set(Thread.currentThread().getName());
            return "done";
        });
        CompletableFuture<Object> result = pipeline(task.build(), services(bus, null, null, executor)).start();

        new Thread(() -> later.complete("in"), "foreign").start();

        assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("done");
        assertThat(runThread.get()).isEqualTo("pipeline-pool");
    }

    @Test
    void aCompletionStageOfACompletionStageIsFlattened() throws Exception {
        CompletableFuture<Object> outer = new CompletableFuture<>();
        CompletableFuture<Object> inner = new CompletableFuture<>();
        StagedTask task = StagedTask.named("nested-futures").run(c -> outer);
        CompletableFuture<Object> result = pipeline(task.build(), services(bus)).start();

        outer.complete(inner);
        assertThat(result).isNotDone();
        inner.complete("deep");

        assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("deep");
        assertThat(bus.runEvents(RUN_ID).get(0).result()).isEqualTo("deep");
    }

    @Test
    void anAlreadyCompletedNestedStageIsFlattenedToo() throws Exception {
        StagedTask task = StagedTask.named("nested-futures")
                .intake(c -> CompletableFuture.completedFuture(CompletableFuture.completedFuture("in")))
                .run(c -> c.intakeResult());

        assertThat(pipeline(task.build(), services(bus)).start().get(5, TimeUnit.SECONDS)).isEqualTo("in");
    }

    @Test
    void pauseHoldsTheRunBeforeItsNextStageWithoutHoldingAThread() throws Exception {
        CompletableFuture<Object> intake = new CompletableFuture<>();
        StagedTask task = StagedTask.named("pausable").intake(c -> intake).run(c -> "ran");
        TaskPipeline pipeline = pipeline(task.build(), services(bus));
        CompletableFuture<Object> result = pipeline.start();

        pipeline.pause();
        assertTimeoutPreemptively(NO_WAITING, () -> intake.complete("in"));

        assertThat(result).isNotDone();
        assertThat(task.calls()).containsExactly("intake");
        assertThat(bus.stageUpdates(RUN_ID)).containsExactly("paused", "intake");
        assertThat(bus.audits(RUN_ID, "research")).isEmpty();

        assertTimeoutPreemptively(NO_WAITING, pipeline::resume);

        assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("ran");
        assertThat(task.calls()).containsExactly("intake", "run");
        assertThat(bus.stageUpdates(RUN_ID)).containsSubsequence("paused", "intake", "resumed", "research", "plan",
                "run", "verify");
    }

    @Test
    void aPipelinePausedBeforeItStartsHoldsBeforeItsIntake() throws Exception {
        StagedTask task = StagedTask.named("pausable").intake(c -> "in").plan(c -> "p").run(c -> "ran");
        TaskPipeline pipeline = pipeline(task.build(), services(bus));

        pipeline.pause();
        CompletableFuture<Object> result = assertTimeoutPreemptively(NO_WAITING, pipeline::start);

        assertThat(result).isNotDone();
        assertThat(task.calls()).isEmpty();
        pipeline.resume();
        assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("ran");
        assertThat(task.calls()).containsExactly("intake", "plan", "run");
    }

    @Test
    void resumeContinuesTheRunOnTheExecutorNotOnTheResumingThread() throws Exception {
        AtomicReference<String> runThread = new AtomicReference<>();
        StagedTask task = StagedTask.named("pausable").run(c -> {
            runThread.set(Thread.currentThread().getName());
            return "ran";
        });
        TaskPipeline pipeline = pipeline(task.build(), services(bus, null, null, executor));
        pipeline.pause();
        CompletableFuture<Object> result = pipeline.start();

        pipeline.resume();

        assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("ran");
        assertThat(runThread.get()).isEqualTo("pipeline-pool");
    }
}
