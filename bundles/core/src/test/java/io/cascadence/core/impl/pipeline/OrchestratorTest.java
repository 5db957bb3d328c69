package io.cascadence.core.impl.pipeline;

import static io.cascadence.core.impl.pipeline.IdentityHasherTest.ALICE_NO_SECRET;
import static io.cascadence.core.impl.pipeline.IdentityHasherTest.ALICE_SECRET_S;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cascadence.api.Identity;
import io.cascadence.api.RunRequest;
import io.cascadence.api.Trigger;
import io.cascadence.api.RunContext;
import io.cascadence.api.RunHandle;
import io.cascadence.api.RunResult;
import io.cascadence.api.Task;
import io.cascadence.api.TaskFailedException;
import io.cascadence.api.TaskStateException;
import io.cascadence.api.UnknownRunException;
import io.cascadence.api.UnknownTaskException;
import io.cascadence.api.event.CascadenceEvent;
import io.cascadence.api.event.StageUpdate;

@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a blocked thread fails, not hangs
class OrchestratorTest {

    private static final String OPS_TEAM_NO_SECRET = "746389098b0a04dbd3220b3cc1ce83a91c4146f1e8a603edec13873a919d1239";

    private final RecordingBus bus = new RecordingBus();
    private final Map<String, Task> tasks = new HashMap<>();
    private final AtomicReference<String> secret = new AtomicReference<>("");
    private final Orchestrator orchestrator = new Orchestrator(name -> Optional.ofNullable(tasks.get(name)),
            new IdentityHasher(secret::get), Pipelines.services(bus), new TaskStates());

    OrchestratorTest() {
        tasks.put("hello", context -> "hello " + context.identity().user().orElse("world"));
        tasks.put("broken", context -> {
            throw new IllegalStateException("it broke");
        });
    }

    @Test
    void runReturnsTheResultUnderAFreshRunId() {
        RunResult first = orchestrator.run(request("hello", Identity.ANONYMOUS));
        RunResult second = orchestrator.run(request("hello", null));

        assertThat(first.taskName()).isEqualTo("hello");
        assertThat(first.result()).isEqualTo("hello world");
        assertThat(UUID.fromString(first.runId()).toString()).isEqualTo(first.runId());
        assertThat(second.runId()).isNotEqualTo(first.runId());
        assertThat(bus.runEvents(first.runId())).singleElement()
                .satisfies(event -> assertThat(event.status()).isEqualTo("success"));
    }

    @Test
    void anUnknownTaskIsRefused() {
        assertThatThrownBy(() -> orchestrator.run(request("nope", Identity.ANONYMOUS)))
                .isInstanceOf(UnknownTaskException.class).hasMessage("Unknown task: nope");
        assertThatThrownBy(() -> orchestrator.runAsync(request("nope", Identity.ANONYMOUS)))
                .isInstanceOf(UnknownTaskException.class);
        assertThat(bus.all()).isEmpty();
    }

    @Test
    void aPausedTaskIsRefusedUntilResumed() {
        orchestrator.pause("hello");

        assertThatThrownBy(() -> orchestrator.run(request("hello", Identity.ANONYMOUS)))
                .isInstanceOf(TaskStateException.class).hasMessage("Task 'hello' is paused");
        assertThatThrownBy(() -> orchestrator.runAsync(request("hello", Identity.ANONYMOUS)))
                .isInstanceOf(TaskStateException.class);

        orchestrator.resume("hello");
        assertThat(orchestrator.run(request("hello", Identity.ANONYMOUS)).result()).isEqualTo("hello world");
    }

    @Test
    void aDisabledTaskIsRefusedUntilEnabledAndDisabledWinsOverPaused() {
        orchestrator.pause("hello");
        orchestrator.disable("hello");

        assertThatThrownBy(() -> orchestrator.run(request("hello", Identity.ANONYMOUS)))
                .isInstanceOf(TaskStateException.class).hasMessage("Task 'hello' is disabled");

        orchestrator.enable("hello");
        assertThatThrownBy(() -> orchestrator.run(request("hello", Identity.ANONYMOUS))).hasMessage("Task 'hello' is paused");
        orchestrator.resume("hello");
        assertThat(orchestrator.run(request("hello", Identity.ANONYMOUS)).result()).isEqualTo("hello world");
    }

    @ParameterizedTest
    @ValueSource(strings = { "pause", "resume", "disable", "enable" })
    void changingTheStateOfAnUnknownTaskIsRefused(String change) {
        Map<String, Consumer<String>> changes = Map.of("pause", orchestrator::pause, "resume", orchestrator::resume,
                "disable", orchestrator::disable, "enable", orchestrator::enable);

        assertThatThrownBy(() -> changes.get(change).accept("nope")).isInstanceOf(UnknownTaskException.class)
                .hasMessage("Unknown task: nope");
        assertThat(bus.all()).isEmpty();
    }

    @Test
    void eachStateChangePublishesOneStageUpdateWithoutARun() {
        orchestrator.pause("hello");
        orchestrator.resume("hello");
        orchestrator.disable("hello");
        orchestrator.enable("hello");

        assertThat(bus.all()).allSatisfy(event -> assertThat(event).isInstanceOf(StageUpdate.class));
        assertThat(bus.ofType(StageUpdate.class))
                .extracting(StageUpdate::taskName, StageUpdate::stage, StageUpdate::runId)
                .containsExactly(
                        tuple("hello", "paused", null),
                        tuple("hello", "resumed", null),
                        tuple("hello", "disabled", null),
                        tuple("hello", "enabled", null));
    }

    @Test
    void aStateChangeThatChangesNothingPublishesNothing() {
        orchestrator.pause("hello");
        bus.clear();

        orchestrator.pause("hello");
        orchestrator.enable("hello");

        assertThat(bus.all()).isEmpty();
    }

    @Test
    void aFailedRunIsThrownAsTaskFailedException() {
        Throwable thrown = catchThrowable(() -> orchestrator.run(request("broken", Identity.ANONYMOUS)));

        assertThat(thrown).isExactlyInstanceOf(TaskFailedException.class).hasMessage("it broke");
        TaskFailedException failure = (TaskFailedException) thrown;
        assertThat(failure.stage()).isEqualTo("run");
        assertThat(failure.taskName()).isEqualTo("broken");
        assertThat(bus.runEvents(failure.runId())).singleElement()
                .satisfies(event -> assertThat(event.status()).isEqualTo("error"));
    }

    @Test
    void aFailedAsyncRunCompletesItsHandleWithTaskFailedException() {
        RunHandle handle = orchestrator.runAsync(request("broken", Identity.ANONYMOUS));

        assertThat(handle.completion().toCompletableFuture()).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(TaskFailedException.class).withMessage("it broke");
        assertThat(orchestrator.inFlight()).isZero();
    }

    @Test
    void pausingOrResumingAnUnknownRunIsRefused() {
        assertThatThrownBy(() -> orchestrator.pauseRun("hello", "no-such-run"))
                .isInstanceOf(UnknownRunException.class).hasMessageContaining("no-such-run");
        assertThatThrownBy(() -> orchestrator.resumeRun("hello", "no-such-run"))
                .isInstanceOf(UnknownRunException.class);
        assertThatThrownBy(() -> orchestrator.pauseRun("hello", null)).isInstanceOf(UnknownRunException.class);
        assertThatThrownBy(() -> orchestrator.pauseRun("nope", "no-such-run"))
                .isInstanceOf(UnknownTaskException.class);
    }

    @Test
    void aFinishedRunCanNoLongerBePaused() {
        String runId = orchestrator.run(request("hello", Identity.ANONYMOUS)).runId();

        assertThatThrownBy(() -> orchestrator.pauseRun("hello", runId)).isInstanceOf(UnknownRunException.class);
    }

    @Test
    void aRunInProgressCanBePausedBeforeItsNextStageAndResumed() throws Exception {
        CompletableFuture<Object> intake = new CompletableFuture<>();
        AtomicReference<RunContext> context = new AtomicReference<>();
        StagedTask slow = StagedTask.named("slow").intake(c -> {
            context.set(c);
            return intake;
        }).run(c -> "done");
        tasks.put("slow", slow.build());

        RunHandle handle = orchestrator.runAsync(request("slow", Identity.ANONYMOUS));
        CompletableFuture<RunResult> future = handle.completion().toCompletableFuture();
        String runId = handle.runId();
        assertThat(context.get().runId()).isEqualTo(runId);
        assertThat(orchestrator.inFlight()).isEqualTo(1);

        assertThatThrownBy(() -> orchestrator.pauseRun("hello", runId))
                .as("a run id is honoured only under its own task").isInstanceOf(UnknownRunException.class);
        orchestrator.pauseRun("slow", runId);
        intake.complete("in");

        assertThat(future).isNotDone();
        assertThat(slow.calls()).containsExactly("intake");
        assertThat(orchestrator.inFlight()).isEqualTo(1);
        assertThat(bus.stageUpdates(runId)).contains("paused");

        orchestrator.resumeRun("slow", runId);

        RunResult result = future.get(5, TimeUnit.SECONDS);
        assertThat(result.runId()).isEqualTo(runId);
        assertThat(result.result()).isEqualTo("done");
        assertThat(slow.calls()).containsExactly("intake", "run");
        assertThat(orchestrator.inFlight()).isZero();
    }

    @Test
    void identitiesAreHashedWithTheSecretAndTheRawIdsAreNeverSent() {
        AtomicReference<RunContext> context = new AtomicReference<>();
        tasks.put("who", c -> {
            context.set(c);
            return "ok";
        });

        orchestrator.run(request("who", new Identity("alice", "ops-team")));

        assertThat(context.get().userHash()).contains(ALICE_NO_SECRET);
        assertThat(context.get().groupHash()).contains(OPS_TEAM_NO_SECRET);
        assertThat(context.get().identity().userId()).isEqualTo("alice");
        List<CascadenceEvent> events = bus.all();
        assertThat(events).isNotEmpty()
                .allSatisfy(event -> assertThat(event.userHash()).isEqualTo(ALICE_NO_SECRET))
                .allSatisfy(event -> assertThat(event.groupHash()).isEqualTo(OPS_TEAM_NO_SECRET))
                .noneMatch(event -> event.toString().contains("alice"));
    }

    @Test
    void theCurrentSecretIsUsed() {
        AtomicReference<RunContext> context = new AtomicReference<>();
        tasks.put("who", c -> {
            context.set(c);
            return "ok";
        });
        secret.set("s");

        orchestrator.run(request("who", new Identity("alice", null)));

        assertThat(context.get().userHash()).contains(ALICE_SECRET_S);
        assertThat(context.get().groupHash()).isEmpty();
    }

    @Test
    void anAlreadyHashedUserIdIsNotHashedAgain() {
        AtomicReference<RunContext> context = new AtomicReference<>();
        tasks.put("who", c -> {
            context.set(c);
            return "ok";
        });
        secret.set("s");

        orchestrator.run(request("who", new Identity(ALICE_NO_SECRET, null)));

        assertThat(context.get().userHash()).contains(ALICE_NO_SECRET);
    }

    @Test
    void anAnonymousRunHasNoHashes() {
        String runId = orchestrator.run(request("hello", null)).runId();

        assertThat(bus.runEvents(runId)).singleElement().satisfies(event -> {
            assertThat(event.userHash()).isNull();
            assertThat(event.groupHash()).isNull();
        });
    }

    private static RunRequest request(String task, Identity identity) {
        return RunRequest.of(task, Trigger.API).withIdentity(identity);
    }
}
