package io.cascadence.core.impl.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.cascadence.api.Identity;
import io.cascadence.api.InvalidRequestException;
import io.cascadence.api.Plan;
import io.cascadence.api.RunContext;
import io.cascadence.api.RunHandle;
import io.cascadence.api.RunRecord;
import io.cascadence.api.RunRequest;
import io.cascadence.api.RunResult;
import io.cascadence.api.RunStateException;
import io.cascadence.api.Task;
import io.cascadence.api.TaskFailedException;
import io.cascadence.api.TaskStateException;
import io.cascadence.api.Trigger;
import io.cascadence.api.UnknownTaskException;

/** The seed's Extract, Transform, Load run as one tree: what the run records show. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RunAfterPrerequisitesTest {

    private static final Instant DUE = Instant.parse("2026-11-30T12:10:00Z");

    private final EngineFixture fixture = new EngineFixture();
    private final List<String> ran = new CopyOnWriteArrayList<>();
    private final List<RunContext> contexts = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() {
        release.countDown();
        fixture.close();
    }

    /** A task that notes that it ran, and what it saw, and returns a short text. */
    private void recording(String name) {
        fixture.task(name, context -> {
            ran.add(name);
            contexts.add(context);
            return name.toLowerCase() + " done";
        });
    }

    private void etl() {
        recording("Extract");
        recording("Transform");
        recording("Load");
    }

    private RunHandle load(List<String> prerequisites) {
        return fixture.engine.executeAfter(RunRequest.of("Load", Trigger.CRON).withDueAt(DUE)
                .withIdentity(new Identity("alice", null)).withInput(Map.of("day", "monday")), prerequisites);
    }

    @Test
    void prerequisitesRunFirstInOrderAsNestedRunsOfTheTasksOwnRun() throws Exception {
        etl();

        RunResult result = load(List.of("Extract", "Transform")).completion().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);

        assertThat(result.result()).isEqualTo("load done");
        assertThat(ran).containsExactly("Extract", "Transform", "Load");
        String id = result.runId();
        RunRecord parent = fixture.store.find(id).orElseThrow();
        assertThat(parent.taskName()).isEqualTo("Load");
        assertThat(parent.status()).isEqualTo(RunRecord.SUCCESS);
        assertThat(parent.trigger()).isEqualTo("cron");
        assertThat(parent.stages()).extracting(RunRecord.StageRecord::stage)
                .startsWith("dependency", "intake").contains("run");
        assertThat(parent.stages().get(0).status()).isEqualTo("success");
        assertThat(fixture.store.children(id)).satisfiesExactly(extract -> {
            assertThat(extract.runId()).isEqualTo(id + ".1");
            assertThat(extract.taskName()).isEqualTo("Extract");
            assertThat(extract.result()).isEqualTo("extract done");
        }, transform -> {
            assertThat(transform.runId()).isEqualTo(id + ".2");
            assertThat(transform.taskName()).isEqualTo("Transform");
        });
        assertThat(fixture.store.children(id)).allSatisfy(child -> {
            assertThat(child.parentRunId()).isEqualTo(id);
            assertThat(child.status()).isEqualTo(RunRecord.SUCCESS);
            assertThat(child.trigger()).isEqualTo("dependency");
            assertThat(child.dueAt()).isEqualTo(DUE);
            assertThat(child.userHash()).isEqualTo(parent.userHash()).isNotNull();
        });
        List<RunRecord> last = fixture.store.batches().get(fixture.store.batches().size() - 1);
        assertThat(last).extracting(RunRecord::runId).as("stored together, children first")
                .containsExactly(id + ".1", id + ".2", id);
    }

    @Test
    void aPrerequisiteSeesTheParentsIdentityInputAndDueTimeWithTheDependencyTrigger() throws Exception {
        etl();

        RunHandle handle = load(List.of("Extract"));
        handle.completion().toCompletableFuture().get(10, TimeUnit.SECONDS);

        RunContext extract = contexts.get(0);
        assertThat(extract.taskName()).isEqualTo("Extract");
        assertThat(extract.parentRunId()).contains(handle.runId());
        assertThat(extract.trigger()).isEqualTo("dependency");
        assertThat(extract.identity().userId()).isEqualTo("alice");
        assertThat(extract.input()).isEqualTo(Map.of("day", "monday"));
        assertThat(extract.dueAt()).contains(DUE);
        assertThat(contexts.get(1).trigger()).as("the task itself keeps its trigger").isEqualTo("cron");
    }

    @Test
    void aFailingPrerequisiteStopsEverythingAfterItAndTheParentSaysWhich() {
        fixture.task("Extract", context -> {
            throw new IllegalStateException("boom");
        });
        recording("Transform");
        recording("Load");

        RunHandle handle = load(List.of("Extract", "Transform"));

        TaskFailedException failure = failure(handle);
        assertThat(failure).hasMessage("prerequisite 'Extract' failed: boom");
        assertThat(failure.stage()).isEqualTo("dependency");
        assertThat(failure.status()).isEqualTo(RunRecord.ERROR);
        assertThat(ran).as("neither Transform nor Load's own stages ran").isEmpty();
        assertThat(fixture.store.find(handle.runId())).get().satisfies(parent -> {
            assertThat(parent.status()).isEqualTo(RunRecord.ERROR);
            assertThat(parent.error()).isEqualTo("prerequisite 'Extract' failed: boom");
            assertThat(parent.failedStage()).isEqualTo("dependency");
            assertThat(parent.stages()).extracting(RunRecord.StageRecord::stage).containsExactly("dependency");
        });
        assertThat(fixture.store.children(handle.runId())).singleElement().satisfies(extract -> {
            assertThat(extract.taskName()).isEqualTo("Extract");
            assertThat(extract.status()).isEqualTo(RunRecord.ERROR);
            assertThat(extract.error()).isEqualTo("boom");
            assertThat(extract.failedStage()).isEqualTo("run");
        });
    }

    @Test
    void unknownPausedAndDisabledPrerequisitesAreRefusedAndNothingIsRecorded() {
        etl();

        assertThatThrownBy(() -> load(List.of("Extract", "Nope"))).isInstanceOf(UnknownTaskException.class)
                .hasMessage("Unknown task: Nope");
        fixture.control.pause("Transform");
        assertThatThrownBy(() -> load(List.of("Extract", "Transform"))).isInstanceOf(TaskStateException.class)
                .hasMessage("Task 'Transform' is paused");
        fixture.control.disable("Extract");
        assertThatThrownBy(() -> load(List.of("Extract"))).hasMessage("Task 'Extract' is disabled");
        assertThatThrownBy(() -> load(List.of("Load"))).isInstanceOf(InvalidRequestException.class)
                .hasMessage("task 'Load' cannot be its own prerequisite");

        assertThat(fixture.store.count()).isZero();
        assertThat(fixture.engine.inFlight()).isZero();
        assertThat(ran).isEmpty();
    }

    @Test
    void cancellingTheParentCancelsThePrerequisiteInProgressAndNothingAfterItRuns() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        fixture.task("Extract", context -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return "extracted";
        });
        recording("Transform");
        recording("Load");
        RunHandle handle = load(List.of("Extract", "Transform"));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> fixture.engine.cancel(handle.runId() + ".1"))
                .isInstanceOf(RunStateException.class)
                .hasMessage("Run " + handle.runId() + ".1 is a nested run of run " + handle.runId() + "; cancel run "
                        + handle.runId() + " to end it");
        fixture.engine.cancel(handle.runId());

        assertThat(failure(handle).status()).isEqualTo(RunRecord.CANCELLED);
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("Extract's stage was interrupted").isTrue();
        assertThat(ran).isEmpty();
        assertThat(fixture.store.find(handle.runId())).get().satisfies(parent -> {
            assertThat(parent.status()).isEqualTo(RunRecord.CANCELLED);
            assertThat(parent.error()).isEqualTo("cancelled");
            assertThat(parent.failedStage()).isEqualTo("dependency");
        });
        assertThat(fixture.store.children(handle.runId())).singleElement().satisfies(extract -> {
            assertThat(extract.taskName()).isEqualTo("Extract");
            assertThat(extract.status()).isEqualTo(RunRecord.CANCELLED);
            assertThat(extract.failedStage()).isEqualTo("run");
        });
    }

    @Test
    void theTreeTimesOutAfterTheSumOfItsTasksTimeouts() {
        fixture.timeouts.put("Extract", Duration.ofMillis(100));
        fixture.timeouts.put("Load", Duration.ofMillis(100));
        fixture.task("Extract", context -> {
            Thread.sleep(20_000);
            return "late";
        });
        recording("Load");

        RunHandle handle = load(List.of("Extract"));

        TaskFailedException failure = failure(handle);
        assertThat(failure.status()).isEqualTo(RunRecord.TIMED_OUT);
        assertThat(failure).hasMessage("the run took longer than its timeout of 0.2 s");
        assertThat(fixture.store.children(handle.runId())).singleElement()
                .extracting(RunRecord::status).isEqualTo(RunRecord.TIMED_OUT);
    }

    @Test
    void eachPrerequisiteRunsOnceAndThePlansOwnNestedRunsAreNumberedAfterThem() throws Exception {
        recording("Extract");
        Task part = context -> "part";
        fixture.task("Load", new PlannedLoad(part));

        RunHandle handle = fixture.engine.executeAfter(RunRequest.of("Load", Trigger.API),
                List.of("Extract", "Extract"));
        handle.completion().toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(ran).containsExactly("Extract");
        String id = handle.runId();
        assertThat(fixture.store.children(id)).extracting(RunRecord::runId, RunRecord::taskName, RunRecord::trigger)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(id + ".1", "Extract", "dependency"),
                        org.assertj.core.groups.Tuple.tuple(id + ".2", "Load/1", "api"),
                        org.assertj.core.groups.Tuple.tuple(id + ".3", "Load/2", "api"));
    }

    @Test
    void withoutPrerequisitesItIsAPlainRun() throws Exception {
        recording("Load");

        RunHandle handle = fixture.engine.executeAfter(RunRequest.of("Load", Trigger.API), List.of());
        handle.completion().toCompletableFuture().get(10, TimeUnit.SECONDS);

        RunRecord record = fixture.store.find(handle.runId()).orElseThrow();
        assertThat(record.stages()).extracting(RunRecord.StageRecord::stage).doesNotContain("dependency");
        assertThat(fixture.store.children(handle.runId())).isEmpty();
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

    /** A Load whose plan is two parts, run as its own nested runs. */
    private record PlannedLoad(Task part) implements Task, Plan {
        @Override
        public Object plan(RunContext context) {
            return List.of(part, part);
        }

        @Override
        public Object run(RunContext context) {
            return context.planResult();
        }
    }
}
