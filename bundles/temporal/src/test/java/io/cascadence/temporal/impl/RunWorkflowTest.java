package io.cascadence.temporal.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cascadence.api.Identity;
import io.cascadence.api.InvalidRequestException;
import io.cascadence.api.WorkflowHistories;
import io.cascadence.api.RunHandle;
import io.cascadence.api.RunRecord;
import io.cascadence.api.RunRequest;
import io.cascadence.api.RunResult;
import io.cascadence.api.Scheduler;
import io.cascadence.api.TaskFailedException;
import io.cascadence.api.Trigger;
import io.cascadence.api.UnknownTaskException;
import io.cascadence.api.spi.Checkpoints;
import io.cascadence.api.spi.RunExecutor;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;

/** The run workflow and its activity against Temporal's in-process test service, with the core faked. */
class RunWorkflowTest {

    private static final String QUEUE = "runs";

    private final List<RunRequest> executed = new CopyOnWriteArrayList<>();
    private final List<String> cancelled = new CopyOnWriteArrayList<>();
    private final List<String> held = new CopyOnWriteArrayList<>();
    private volatile Function<RunRequest, RunHandle> runs;
    private final Map<String, String> stages = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Map<String, Object>> handedOn = new CopyOnWriteArrayList<>();
    private volatile java.util.function.BiFunction<RunRequest, Checkpoints, RunHandle> staged;
    private TestWorkflowEnvironment environment;
    private WorkflowClient client;

    @BeforeEach
    void start() {
        environment = TestWorkflowEnvironment.newInstance();
        Worker worker = environment.newWorker(QUEUE);
        worker.registerWorkflowImplementationTypes(RunWorkflowImpl.class);
        worker.registerActivitiesImplementations(new RunActivitiesImpl(executor(), scheduler(), stages::get));
        environment.start();
        client = environment.getWorkflowClient();
    }

    @AfterEach
    void stop() {
        environment.close();
    }

    @Test
    void aRunIsExecutedInTheContainerUnderTheWorkflowIdAndAnswersItsResult() {
        runs = request -> new RunHandle(request.runId(), CompletableFuture.completedFuture(
                new RunResult(request.runId(), request.taskName(), Map.of("rows", 3, "names", List.of("a", "b")))));
        RunRequest request = new RunRequest("etl", new Identity("ann", "ops"), Map.of("day", "2026-12-06"),
                Trigger.of("cron"), java.time.Instant.parse("2026-12-06T05:00:00Z"), null);

        Object result = workflow("run-1").run(RunInput.of(request, "run-1", 3, "s3cret"));

        assertThat(result).isEqualTo(Map.of("rows", 3, "names", List.of("a", "b")));
        assertThat(client.fetchHistory("run-1").toJson(true)).as("no plain id in Temporal's history")
                .doesNotContain("\"ann\"").doesNotContain("\"ops\"");
        assertThat(executed).singleElement().satisfies(r -> {
            assertThat(r.runId()).isEqualTo("run-1");
            assertThat(r.taskName()).isEqualTo("etl");
            assertThat(r.identity()).as("hashed before they go into Temporal's history")
                    .isEqualTo(new Identity(Identity.hash("s3cret", "ann"), Identity.hash("s3cret", "ops")));
            assertThat(r.input()).isEqualTo(Map.of("day", "2026-12-06"));
            assertThat(r.trigger()).isEqualTo(Trigger.of("cron"));
            assertThat(r.dueAt()).isEqualTo(java.time.Instant.parse("2026-12-06T05:00:00Z"));
        });
    }

    @Test
    void aWorkflowStartedWithTemporalsToolsRunsUnderItsWorkflowIdWithTriggerTemporal() {
        runs = request -> new RunHandle(request.runId(), CompletableFuture.completedFuture(
                new RunResult(request.runId(), request.taskName(), "done")));

        Object result = workflow("outside-1").run(new RunInput(null, "etl", null, null, Map.of("n", 1), null, null, 0));

        assertThat(result).isEqualTo("done");
        assertThat(executed).singleElement().satisfies(r -> {
            assertThat(r.runId()).isEqualTo("outside-1");
            assertThat(r.trigger()).isEqualTo(Trigger.TEMPORAL);
            assertThat(r.input()).isEqualTo(Map.of("n", 1));
        });
    }

    @Test
    void aFailedRunIsNotRetriedAndKeepsItsStageStatusAndReason() {
        runs = request -> new RunHandle(request.runId(), CompletableFuture.failedFuture(
                new TaskFailedException(request.taskName(), request.runId(), "verify", "verify said no")));

        assertThatThrownBy(() -> workflow("run-2").run(input("run-2")))
                .isInstanceOfSatisfying(WorkflowFailedException.class, e -> {
                    TaskFailedException failure = RunFailures.of("etl", "run-2", e);
                    assertThat(failure.stage()).isEqualTo("verify");
                    assertThat(failure.status()).isEqualTo(RunRecord.ERROR);
                    assertThat(failure.getMessage()).isEqualTo("verify said no");
                });
        assertThat(executed).hasSize(1);
    }

    @Test
    void aRefusedRunIsNotRetriedAndSaysWhy() {
        runs = request -> {
            throw new UnknownTaskException(request.taskName());
        };

        assertThatThrownBy(() -> workflow("run-3").run(input("run-3")))
                .isInstanceOfSatisfying(WorkflowFailedException.class, e -> assertThat(
                        RunFailures.of("etl", "run-3", e).getMessage()).contains("etl"));
        assertThat(executed).hasSize(1);
    }

    @Test
    void cancellingTheWorkflowCancelsTheRunInTheContainer() throws Exception {
        CompletableFuture<RunResult> never = new CompletableFuture<>();
        runs = request -> new RunHandle(request.runId(), never);
        RunWorkflow workflow = workflow("run-4");
        WorkflowClient.start(workflow::run, input("run-4"));
        WorkflowStub stub = WorkflowStub.fromTyped(workflow);
        awaitSize(executed, 1);
        assertThat(stub.query("state", String.class)).isEqualTo("running");

        stub.cancel();
        awaitSize(cancelled, 1); // at the activity's next heartbeat
        never.completeExceptionally(new TaskFailedException("etl", "run-4", null, RunRecord.CANCELLED, "cancelled",
                null));

        assertThat(cancelled).containsExactly("run-4");
    }

    @Test
    void anAttemptAfterALostOneGoesOnFromTheStagesTheLostOneCompleted() {
        staged = (request, checkpoints) -> {
            executed.add(request);
            if (request.runId().equals("run-8")) { // the first attempt: intake done, then the worker is lost
                checkpoints.completed("intake", Map.of("rows", 3));
                throw new IllegalStateException("worker lost");
            }
            return new RunHandle(request.runId(), CompletableFuture.completedFuture(
                    new RunResult(request.runId(), request.taskName(), "done")));
        };

        Object result = workflow("run-8").run(input("run-8"));

        assertThat(result).isEqualTo("done");
        assertThat(executed).extracting(RunRequest::runId).containsExactly("run-8", "run-8@2");
        assertThat(handedOn).hasSize(2);
        assertThat(handedOn.get(0)).isEmpty();
        assertThat(handedOn.get(1)).isEqualTo(Map.of("intake", Map.of("rows", 3)));
    }

    @Test
    void pauseAndResumeSignalsHoldAndReleaseTheRunWhereItRuns() throws Exception {
        CompletableFuture<RunResult> never = new CompletableFuture<>();
        runs = request -> new RunHandle(request.runId(), never);
        RunWorkflow workflow = workflow("run-7");
        WorkflowClient.start(workflow::run, input("run-7"));
        WorkflowStub stub = WorkflowStub.fromTyped(workflow);
        awaitSize(executed, 1);

        stub.signal("pause");
        awaitSize(held, 1);
        stub.signal("resume");
        awaitSize(held, 2);

        assertThat(held).containsExactly("pauseRun etl run-7", "resumeRun etl run-7");
        assertThat(stub.query("paused", Boolean.class)).isFalse();
        never.complete(new RunResult("run-7", "etl", "done"));
        assertThat(stub.getResult(Object.class)).isEqualTo("done");
    }

    @Test
    void theWorkerReportsTheStageInProgressAndTheWorkflowDescribesTheRunToTheEnd() throws Exception {
        CompletableFuture<RunResult> done = new CompletableFuture<>();
        runs = request -> new RunHandle(request.runId(), done);
        stages.put("run-9", "research");
        RunWorkflow workflow = workflow("run-9");
        WorkflowClient.start(workflow::run, RunInput.of(RunRequest.of("etl", Trigger.of("cron")), "run-9", 3, ""));
        awaitSize(executed, 1);

        awaitStage(workflow, "research"); // at the activity's next heartbeat
        stages.put("run-9", "run");
        awaitStage(workflow, "run");
        WorkflowStub.fromTyped(workflow).signal("pause");
        RunState running = new RunState("run-9", "etl", "cron", "running", "run", true);
        assertThat(workflow.describe()).isEqualTo(running);
        assertThat(WorkflowRuns.describe("run-9", client.fetchHistory("run-9").getEvents()))
                .as("the same, read from the history").contains(running);
        done.completeExceptionally(new TaskFailedException("etl", "run-9", "verify", "verify said no"));

        assertThatThrownBy(() -> WorkflowStub.fromTyped(workflow).getResult(Object.class))
                .isInstanceOf(WorkflowFailedException.class);
        RunState failed = new RunState("run-9", "etl", "cron", RunRecord.ERROR, "verify", true);
        assertThat(workflow.describe()).as("the failed stage, and the run record's status").isEqualTo(failed);
        assertThat(WorkflowRuns.describe("run-9", client.fetchHistory("run-9").getEvents())).contains(failed);
    }

    @Test
    void aHistoryTellsHowARunEndedAndWhatIsNotARunsHistoryIsNone() {
        runs = request -> new RunHandle(request.runId(), CompletableFuture.completedFuture(
                new RunResult(request.runId(), request.taskName(), "done")));
        workflow("run-10").run(input("run-10"));

        assertThat(WorkflowRuns.describe("run-10", client.fetchHistory("run-10").getEvents()))
                .contains(new RunState("run-10", "etl", "api", RunRecord.SUCCESS, null, false));
        assertThat(WorkflowRuns.describe("run-10", List.of())).isEmpty();
    }

    private static void awaitStage(RunWorkflow workflow, String stage) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!stage.equals(workflow.stage()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(workflow.stage()).isEqualTo(stage);
    }

    private static void awaitSize(List<?> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (list.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(list).hasSize(size);
    }

    @Test
    void aRunsHistoryReplaysDeterministicallyAndAnEditedOneDoesNot() {
        runs = request -> new RunHandle(request.runId(), CompletableFuture.completedFuture(
                new RunResult(request.runId(), request.taskName(), "done")));
        workflow("run-5").run(input("run-5"));
        String history = client.fetchHistory("run-5").toJson(true);

        WorkflowHistories.Outcome replayed = HistoryReplay.replay(history);
        assertThat(replayed.deterministic()).as(replayed.problem()).isTrue();
        assertThat(replayed.events()).isGreaterThan(5);
        assertThat(replayed.workflowId()).as("an exported history does not name its workflow").isNull();

        // Code that scheduled another activity than the history records is not deterministic for it.
        WorkflowHistories.Outcome edited = HistoryReplay.replay(history.replace("\"RunTask\"", "\"OtherTask\""));
        assertThat(edited.deterministic()).isFalse();
        assertThat(edited.problem()).as("not the replayer's query about its placeholder workflow")
                .isEqualTo("this code does not make the decisions the history records (Temporal's replayer names no "
                        + "event)");
    }

    @Test
    void whatIsNotAHistoryOfARunIsRefusedNamingWhy() {
        assertThatThrownBy(() -> HistoryReplay.replay("{\"events\": ")).isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("not a Temporal workflow history");
        assertThatThrownBy(() -> HistoryReplay.replay(" ")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("no history");
        assertThatThrownBy(() -> HistoryReplay.replay("hello")).isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("not a Temporal workflow history: not JSON (line 1, column ");
        assertThatThrownBy(() -> HistoryReplay.replay("{\"a\": 1}")).isInstanceOf(InvalidRequestException.class)
                .hasMessage("not a Temporal workflow history: a JSON object without an \"events\" array");
        assertThatThrownBy(() -> HistoryReplay.replay("{\"events\": []}")).isInstanceOf(InvalidRequestException.class)
                .hasMessage("the history has no events");
        runs = request -> new RunHandle(request.runId(), CompletableFuture.completedFuture(
                new RunResult(request.runId(), request.taskName(), "done")));
        workflow("run-6").run(input("run-6"));
        String other = client.fetchHistory("run-6").toJson(true).replace("\"CascadenceRun\"", "\"Billing\"");
        assertThatThrownBy(() -> HistoryReplay.replay(other)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("'Billing'").hasMessageContaining("'CascadenceRun'");
    }

    private RunWorkflow workflow(String id) {
        return client.newWorkflowStub(RunWorkflow.class,
                WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(QUEUE).build());
    }

    private static RunInput input(String runId) {
        return RunInput.of(RunRequest.of("etl", Trigger.of("api")), runId, 3, "");
    }

    private RunExecutor executor() {
        return new RunExecutor() {
            @Override
            public void check(RunRequest request) {
            }

            @Override
            public RunHandle execute(RunRequest request) {
                executed.add(request);
                return runs.apply(request);
            }

            @Override
            public RunHandle execute(RunRequest request, Checkpoints checkpoints) {
                handedOn.add(checkpoints.completed());
                return staged == null ? execute(request) : staged.apply(request, checkpoints);
            }

            @Override
            public RunHandle executeAfter(RunRequest request, List<String> prerequisites) {
                return execute(request);
            }
        };
    }

    private Scheduler scheduler() {
        return (Scheduler) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Scheduler.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("cancel")) {
                        cancelled.add((String) args[0]);
                        return null;
                    }
                    if (method.getName().equals("pauseRun") || method.getName().equals("resumeRun")) {
                        held.add(method.getName() + " " + args[0] + " " + args[1]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
