package io.cascadence.core.impl.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cascadence.api.RunContext;
import io.cascadence.api.RunHandle;
import io.cascadence.api.RunResult;
import io.cascadence.api.UnknownRunException;
import io.cascadence.api.UnknownTaskException;
import io.cascadence.api.event.StageUpdate;
import io.cascadence.core.impl.pipeline.StagedTask;

@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TaskControlTest {

    private final EngineFixture fixture = new EngineFixture();
    private final TaskControl control = fixture.control;

    TaskControlTest() {
        fixture.task("hello", context -> "hello world");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @ParameterizedTest
    @ValueSource(strings = { "pause", "resume", "disable", "enable" })
    void changingTheStateOfAnUnknownTaskIsRefused(String change) {
        Map<String, Consumer<String>> changes = Map.of("pause", control::pause, "resume", control::resume,
                "disable", control::disable, "enable", control::enable);

        assertThatThrownBy(() -> changes.get(change).accept("nope")).isInstanceOf(UnknownTaskException.class)
                .hasMessage("Unknown task: nope");
        assertThat(fixture.bus.all()).isEmpty();
    }

    @Test
    void eachStateChangePublishesOneStageUpdateWithoutARunAndNoChangePublishesNothing() {
        control.pause("hello");
        control.pause("hello");
        control.resume("hello");
        control.disable("hello");
        control.enable("hello");
        control.enable("hello");

        assertThat(fixture.bus.ofType(StageUpdate.class))
                .extracting(StageUpdate::taskName, StageUpdate::stage, StageUpdate::runId)
                .containsExactly(
                        tuple("hello", "paused", null),
                        tuple("hello", "resumed", null),
                        tuple("hello", "disabled", null),
                        tuple("hello", "enabled", null));
    }

    @Test
    void aRunInProgressCanBeHeldBeforeItsNextStageByItsIdOnlyUnderItsOwnTask() throws Exception {
        CompletableFuture<Object> intake = new CompletableFuture<>();
        AtomicReference<RunContext> context = new AtomicReference<>();
        StagedTask slow = StagedTask.named("slow").intake(c -> {
            context.set(c);
            return intake;
        }).run(c -> "done");
        fixture.task("slow", slow.build());

        RunHandle handle = fixture.submit("slow");
        String runId = handle.runId();
        Await.until(() -> context.get() != null);

        assertThatThrownBy(() -> control.pauseRun("hello", runId)).isInstanceOf(UnknownRunException.class);
        assertThatThrownBy(() -> control.pauseRun("nope", runId)).isInstanceOf(UnknownTaskException.class);
        control.pauseRun("slow", runId);
        intake.complete("in");

        Thread.sleep(100);
        assertThat(handle.completion().toCompletableFuture()).isNotDone();
        assertThat(slow.calls()).containsExactly("intake");
        assertThat(fixture.bus.stageUpdates(runId)).contains("paused");

        control.resumeRun("slow", runId);

        RunResult result = handle.completion().toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(result.result()).isEqualTo("done");
        assertThat(slow.calls()).containsExactly("intake", "run");
        assertThatThrownBy(() -> control.pauseRun("slow", runId)).as("a finished run can no longer be paused")
                .isInstanceOf(UnknownRunException.class);
    }

    @Test
    void pausingATaskAlsoHoldsItsRunsInProgressUntilItIsResumed() throws Exception {
        CompletableFuture<Object> intake = new CompletableFuture<>();
        StagedTask slow = StagedTask.named("slow").intake(c -> intake).run(c -> "done");
        fixture.task("slow", slow.build());
        RunHandle handle = fixture.submit("slow");
        Await.until(() -> slow.calls().contains("intake"));

        control.pause("slow");
        intake.complete("in");

        Thread.sleep(100);
        assertThat(slow.calls()).containsExactly("intake");
        assertThat(handle.completion().toCompletableFuture()).isNotDone();

        control.resume("slow");
        assertThat(handle.completion().toCompletableFuture().get(5, TimeUnit.SECONDS).result()).isEqualTo("done");
    }

    @Test
    void aPausedRunCanStillBeCancelledAndHoldsNoThreadWhileHeld() throws Exception {
        CompletableFuture<Object> intake = new CompletableFuture<>();
        StagedTask slow = StagedTask.named("slow").intake(c -> intake).run(c -> "done");
        fixture.task("slow", slow.build());
        RunHandle handle = fixture.submit("slow");
        Await.until(() -> slow.calls().contains("intake"));
        control.pauseRun("slow", handle.runId());
        intake.complete("in");

        fixture.engine.cancel(handle.runId());

        assertThat(handle.completion().toCompletableFuture())
                .failsWithin(java.time.Duration.ofSeconds(5));
        assertThat(slow.calls()).containsExactly("intake");
        assertThat(fixture.store.find(handle.runId()).orElseThrow().status()).isEqualTo("cancelled");
    }
}
