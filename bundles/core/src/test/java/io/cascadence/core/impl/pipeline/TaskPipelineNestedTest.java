package io.cascadence.core.impl.pipeline;

import static io.cascadence.core.impl.pipeline.Pipelines.DIRECT;
import static io.cascadence.core.impl.pipeline.Pipelines.NAME;
import static io.cascadence.core.impl.pipeline.Pipelines.RUN_ID;
import static io.cascadence.core.impl.pipeline.Pipelines.pipeline;
import static io.cascadence.core.impl.pipeline.Pipelines.runToEnd;
import static io.cascadence.core.impl.pipeline.Pipelines.services;
import static io.cascadence.core.impl.pipeline.Pipelines.taskFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.cascadence.api.ParallelPlan;
import io.cascadence.api.RunContext;
import io.cascadence.api.Task;
import io.cascadence.api.TaskFailedException;
import io.cascadence.api.event.TaskRunEvent;

/** Plans that return sub-tasks: they run as nested pipelines, one after the other or at the same time. */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a blocked thread fails, not hangs
class TaskPipelineNestedTest {

    private final RecordingBus bus = new RecordingBus();
    private final List<String> order = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    /** A parent whose plan returns {@code plan}, whose run returns its plan result and whose verify wraps it. */
    private StagedTask parent(Object plan) {
        return StagedTask.named("parent")
                .plan(c -> plan)
                .run(c -> {
                    order.add("parent run");
                    return c.planResult();
                })
                .verify((c, result) -> List.of("verified", result));
    }

    /** A child that records that it ran and returns {@code result}. */
    private StagedTask child(String result) {
        return StagedTask.named(result).run(c -> {
            order.add(result);
            return result;
        });
    }

    @Test
    void aListOfTasksRunsInOrderBeforeTheParentWhichSeesTheirResults() throws Exception {
        StagedTask parent = parent(List.of(child("a").build(), child("b").build()));

        Object result = runToEnd(parent.build(), services(bus));

        assertThat(order).containsExactly("a", "b", "parent run");
        assertThat(parent.runContexts().get(0).planResult()).isEqualTo(List.of("a", "b"));
        assertThat(result).isEqualTo(List.of("verified", List.of("a", "b")));
    }

    @Test
    void childrenAreNumberedAfterTheirParentAndReportTheirOwnRuns() throws Exception {
        StagedTask first = child("a");
        StagedTask second = child("b");

        runToEnd(parent(List.of(first.build(), second.build())).build(), services(bus));

        RunContext firstContext = first.runContexts().get(0);
        assertThat(firstContext.runId()).isEqualTo(RUN_ID + ".1");
        assertThat(firstContext.taskName()).isEqualTo(NAME + "/1");
        assertThat(firstContext.parentRunId()).contains(RUN_ID);
        assertThat(second.runContexts().get(0).runId()).isEqualTo(RUN_ID + ".2");
        assertThat(bus.ofType(TaskRunEvent.class))
                .extracting(TaskRunEvent::runId, TaskRunEvent::taskName, TaskRunEvent::parentRunId,
                        TaskRunEvent::status)
                .containsExactly(
                        tuple(RUN_ID + ".1", NAME + "/1", RUN_ID, "success"),
                        tuple(RUN_ID + ".2", NAME + "/2", RUN_ID, "success"),
                        tuple(RUN_ID, NAME, null, "success"));
        assertThat(bus.stageUpdates(RUN_ID + ".2")).containsExactly("intake", "research", "plan", "run", "verify");
    }

    @Test
    void aFailingChildFailsTheParentAtItsRunStageAndStopsTheRest() {
        StagedTask third = child("c");
        StagedTask parent = parent(List.of(child("a").build(), StagedTask.failing("b", "child broke").build(),
                third.build()));

        TaskFailedException failure = taskFailure(pipeline(parent.build(), services(bus)).start());

        assertThat(failure.stage()).isEqualTo("run");
        assertThat(failure.runId()).isEqualTo(RUN_ID);
        assertThat(order).containsExactly("a");
        assertThat(third.calls()).isEmpty();
        assertThat(bus.runEvents(RUN_ID + ".2")).singleElement().satisfies(event -> {
            assertThat(event.status()).isEqualTo("error");
            assertThat(event.error()).isEqualTo("child broke");
        });
        assertThat(bus.runEvents(RUN_ID)).singleElement().satisfies(event -> {
            assertThat(event.stage()).isEqualTo("run");
            assertThat(event.error()).contains(NAME + "/2").contains("child broke");
        });
    }

    @Test
    void theParentsFailureMessageNamesTheFailingChild() {
        StagedTask parent = parent(List.of(StagedTask.failing("a", "child broke").build()));

        TaskFailedException failure = taskFailure(pipeline(parent.build(), services(bus)).start());

        assertThat(failure.getMessage()).contains(NAME + "/1").contains("child broke");
    }

    @Test
    void aParallelPlanRunsItsTasksAtTheSameTimeAndKeepsPlanOrder() throws Exception {
        CountDownLatch bothStarted = new CountDownLatch(2);
        CountDownLatch secondDone = new CountDownLatch(1);
        Task first = context -> {
            meet(bothStarted);
            secondDone.await(5, TimeUnit.SECONDS); // finish last, to show that order is the plan's
            return "first";
        };
        Task second = context -> {
            meet(bothStarted);
            secondDone.countDown();
            return "second";
        };
        StagedTask parent = parent(ParallelPlan.of(first, second));

        Object result = pipeline(parent.build(), services(bus, null, null, executor)).start().get(10,
                TimeUnit.SECONDS);

        assertThat(parent.runContexts().get(0).planResult()).isEqualTo(List.of("first", "second"));
        assertThat(result).isEqualTo(List.of("verified", List.of("first", "second")));
        assertThat(bus.ofType(TaskRunEvent.class)).extracting(TaskRunEvent::parentRunId)
                .containsExactlyInAnyOrder(RUN_ID, RUN_ID, null);
    }

    @Test
    void aFailingParallelTaskFailsTheParentAtItsRunStage() {
        StagedTask parent = parent(ParallelPlan.of(child("a").build(), StagedTask.failing("b", "broke").build()));

        TaskFailedException failure = taskFailure(pipeline(parent.build(), services(bus, null, null, executor))
                .start());

        assertThat(failure.stage()).isEqualTo("run");
        assertThat(order).doesNotContain("parent run");
    }

    @Test
    void aListThatIsNotAllTasksIsAnOrdinaryPlanResult() throws Exception {
        List<Object> mixed = List.of(child("a").build(), "not a task");
        StagedTask parent = parent(mixed);

        runToEnd(parent.build(), services(bus, null, null, DIRECT));

        assertThat(order).containsExactly("parent run");
        assertThat(parent.runContexts().get(0).planResult()).isSameAs(mixed);
    }

    /** Counts down and waits for the others; fails the task if they do not come, as they would not when run serially. */
    private static void meet(CountDownLatch latch) throws InterruptedException {
        latch.countDown();
        if (!latch.await(5, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the other parallel task never started");
        }
    }
}
