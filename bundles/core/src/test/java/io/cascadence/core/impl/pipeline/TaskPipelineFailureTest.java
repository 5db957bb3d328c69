package io.cascadence.core.impl.pipeline;

import static io.cascadence.core.impl.pipeline.Pipelines.DIRECT;
import static io.cascadence.core.impl.pipeline.Pipelines.NAME;
import static io.cascadence.core.impl.pipeline.Pipelines.RUN_ID;
import static io.cascadence.core.impl.pipeline.Pipelines.pipeline;
import static io.cascadence.core.impl.pipeline.Pipelines.runToEnd;
import static io.cascadence.core.impl.pipeline.Pipelines.services;
import static io.cascadence.core.impl.pipeline.Pipelines.taskFailure;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cascadence.api.ResearchProvider;
import io.cascadence.api.TaskFailedException;
import io.cascadence.api.event.TaskRunEvent;

/** How failing stages end a run: which stage is blamed, with which message, and what does not run after. */
class TaskPipelineFailureTest {

    private final RecordingBus bus = new RecordingBus();

    /** A task with every stage but research, and the given precheck. */
    private static StagedTask withPrecheck(StagedTask.Body precheck) {
        return StagedTask.named("checked")
                .intake(c -> "in")
                .plan(c -> "p")
                .precheck(precheck)
                .run(c -> "ran")
                .verify((c, result) -> result);
    }

    private TaskFailedException failureOf(StagedTask task) {
        return taskFailure(pipeline(task.build(), services(bus)).start());
    }

    @Test
    void precheckFalseStopsTheRunBeforeItsRunStage() {
        StagedTask task = withPrecheck(c -> false);

        TaskFailedException failure = failureOf(task);

        assertThat(failure.stage()).isEqualTo("precheck");
        assertThat(failure.getMessage()).isEqualTo("precheck failed");
        assertThat(failure.runId()).isEqualTo(RUN_ID);
        assertThat(failure.taskName()).isEqualTo(NAME);
        assertThat(task.calls()).containsExactly("intake", "plan", "precheck");
        assertThat(bus.auditStatuses(RUN_ID, "precheck")).containsExactly("started", "error");
        assertThat(bus.audits(RUN_ID, "precheck").get(1).reason()).isEqualTo("precheck failed");
        assertThat(bus.audits(RUN_ID, "run")).isEmpty();
        assertThat(bus.ofType(TaskRunEvent.class)).singleElement().satisfies(event -> {
            assertThat(event.status()).isEqualTo("error");
            assertThat(event.stage()).isEqualTo("precheck");
            assertThat(event.error()).isEqualTo("precheck failed");
        });
    }

    @Test
    void precheckThrowingFailsTheRunWithTheExceptionsMessage() {
        StagedTask task = withPrecheck(c -> {
            throw new IllegalStateException("quota exhausted");
        });

        TaskFailedException failure = failureOf(task);

        assertThat(failure.stage()).isEqualTo("precheck");
        assertThat(failure.getMessage()).isEqualTo("quota exhausted");
        assertThat(task.calls()).doesNotContain("run");
        assertThat(bus.auditStatuses(RUN_ID, "precheck")).containsExactly("started", "error");
    }

    @Test
    void precheckReturningANonBooleanFailsTheRunSayingWhatWasExpected() {
        StagedTask task = withPrecheck(c -> "yes");

        TaskFailedException failure = failureOf(task);

        assertThat(failure.stage()).isEqualTo("precheck");
        assertThat(failure.getMessage()).contains("yes").contains("expected true or false");
        assertThat(task.calls()).doesNotContain("run");
    }

    @Test
    void precheckAnsweringTrueLaterLetsTheRunGoOn() throws Exception {
        StagedTask task = withPrecheck(c -> CompletableFuture.completedFuture(true));

        assertThat(runToEnd(task.build(), services(bus))).isEqualTo("ran");
        assertThat(task.calls()).contains("run");
    }

    @ParameterizedTest
    @ValueSource(strings = { "intake", "plan", "run", "verify" })
    void aThrowingStageFailsTheRunAtThatStageAndLaterStagesAreNotCalled(String failing) {
        StagedTask task = StagedTask.named("fragile")
                .intake(c -> failIf(failing, "intake"))
                .plan(c -> failIf(failing, "plan"))
                .run(c -> failIf(failing, "run"))
                .verify((c, result) -> failIf(failing, "verify"));

        TaskFailedException failure = failureOf(task);

        assertThat(failure.runId()).isEqualTo(RUN_ID);
        assertThat(failure.stage()).isEqualTo(failing);
        assertThat(failure.getMessage()).isEqualTo(failing + " broke");
        assertThat(failure.getCause()).isInstanceOf(IllegalStateException.class);
        List<String> order = List.of("intake", "plan", "run", "verify");
        assertThat(task.calls()).isEqualTo(order.subList(0, order.indexOf(failing) + 1));
        assertThat(bus.auditStatuses(RUN_ID, failing)).containsExactly("started", "error");
        assertThat(bus.runEvents(RUN_ID)).singleElement().satisfies(event -> {
            assertThat(event.status()).isEqualTo("error");
            assertThat(event.stage()).isEqualTo(failing);
            assertThat(event.error()).isEqualTo(failing + " broke");
        });
    }

    @Test
    void aStageFailingLaterFailsTheRunLikeAThrowingOne() {
        StagedTask task = StagedTask.named("late")
                .run(c -> CompletableFuture.failedFuture(new IllegalArgumentException("bad input")));

        TaskFailedException failure = failureOf(task);

        assertThat(failure.stage()).isEqualTo("run");
        assertThat(failure.getMessage()).isEqualTo("bad input");
    }

    @Test
    void anExceptionWithoutMessageIsReportedByItsClassName() {
        StagedTask task = StagedTask.named("silent").run(c -> {
            throw new UnsupportedOperationException();
        });

        assertThat(failureOf(task).getMessage()).isEqualTo(UnsupportedOperationException.class.getName());
    }

    @Test
    void failingResearchIsRecordedAndTheRunGoesOnWithoutAnAnswer() throws Exception {
        ResearchProvider broken = (query, context) -> {
            throw new IllegalStateException("search engine down");
        };
        StagedTask task = StagedTask.named("curious").research(c -> "q").run(c -> "ran anyway");

        Object result = runToEnd(task.build(), services(bus, broken, null, DIRECT));

        assertThat(result).isEqualTo("ran anyway");
        assertThat(task.runContexts().get(0).researchResult()).isNull();
        assertThat(bus.auditStatuses(RUN_ID, "research")).containsExactly("started", "error");
        assertThat(bus.audits(RUN_ID, "research").get(1).reason()).isEqualTo("search engine down");
        assertThat(bus.runEvents(RUN_ID)).singleElement().extracting(TaskRunEvent::status).isEqualTo("success");
    }

    @Test
    void aThrowingResearchQueryDoesNotFailTheRunEither() throws Exception {
        ResearchProvider provider = (query, context) -> "answer";
        StagedTask task = StagedTask.named("curious").research(c -> {
            throw new IllegalStateException("no idea what to ask");
        }).run(c -> "ran anyway");

        Object result = runToEnd(task.build(), services(bus, provider, null, DIRECT));

        assertThat(result).isEqualTo("ran anyway");
        assertThat(task.runContexts().get(0).researchResult()).isNull();
        assertThat(bus.audits(RUN_ID, "research").get(1).reason()).isEqualTo("no idea what to ask");
    }

    private static Object failIf(String failing, String stage) {
        if (failing.equals(stage)) {
            throw new IllegalStateException(stage + " broke");
        }
        return stage + " ok";
    }
}
