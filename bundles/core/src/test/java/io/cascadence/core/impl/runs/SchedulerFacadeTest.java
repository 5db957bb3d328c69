package io.cascadence.core.impl.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.cascadence.api.BackendUnavailableException;
import io.cascadence.api.RunHandle;
import io.cascadence.api.RunRequest;
import io.cascadence.api.TaskStateException;
import io.cascadence.api.Trigger;
import io.cascadence.api.UnknownTaskException;
import io.cascadence.api.spi.SchedulerBackend;

@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SchedulerFacadeTest {

    private final EngineFixture fixture = new EngineFixture();
    private final AtomicReference<String> configured = new AtomicReference<>("cron");
    private final SchedulerFacade facade = new SchedulerFacade(new Runs() {
        @Override
        public void check(RunRequest request) {
            fixture.engine.check(request);
        }

        @Override
        public RunHandle execute(RunRequest request) {
            return fixture.engine.execute(request);
        }

        @Override
        public RunHandle executeAfter(RunRequest request, List<String> prerequisites) {
            return fixture.engine.executeAfter(request, prerequisites);
        }

        @Override
        public void cancel(String runId) {
            fixture.engine.cancel(runId);
        }

        @Override
        public boolean inProgressHere(String runId) {
            return fixture.engine.inProgressHere(runId);
        }

        @Override
        public TaskControl control() {
            return fixture.control;
        }
    }, configured::get);

    /** A backend that runs here, as base and cron do, and remembers what it was given. */
    private final class Recording implements SchedulerBackend {
        final List<RunRequest> requests = new CopyOnWriteArrayList<>();

        @Override
        public RunHandle submit(RunRequest request) {
            requests.add(request);
            return fixture.engine.execute(request);
        }
    }

    /** A backend whose runs go on elsewhere (as Temporal's workers run them), and that knows one run there. */
    private static final class Remote implements SchedulerBackend {
        final List<String> asked = new CopyOnWriteArrayList<>();

        @Override
        public RunHandle submit(RunRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean cancel(String runId) {
            asked.add("cancel " + runId);
            return runId.equals("elsewhere");
        }

        @Override
        public boolean pauseRun(String taskName, String runId) {
            asked.add("pause " + taskName + " " + runId);
            return runId.equals("elsewhere");
        }

        @Override
        public boolean resumeRun(String taskName, String runId) {
            asked.add("resume " + taskName + " " + runId);
            return runId.equals("elsewhere");
        }
    }

    SchedulerFacadeTest() {
        fixture.task("hello", context -> "hello from " + context.trigger());
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aRunInProgressHereIsEndedHereAndOneElsewhereByTheBackendThatKnowsIt() throws Exception {
        Remote remote = new Remote();
        facade.add("temporal", remote);
        configured.set("temporal");
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        fixture.task("hold", context -> {
            release.await();
            return "held";
        });
        RunHandle here = fixture.engine.execute(RunRequest.of("hold", Trigger.API));

        facade.pauseRun("hold", here.runId());
        facade.resumeRun("hold", here.runId());
        facade.cancel(here.runId());
        facade.pauseRun("hold", "elsewhere");
        facade.resumeRun("hold", "elsewhere");
        facade.cancel("elsewhere");

        assertThat(remote.asked).containsExactly("pause hold elsewhere", "resume hold elsewhere", "cancel elsewhere");
        assertThatThrownBy(() -> here.completion().toCompletableFuture().get())
                .hasCauseInstanceOf(io.cascadence.api.TaskFailedException.class);
        // A run neither here nor known to the backend: the engine says so.
        assertThatThrownBy(() -> facade.cancel("nowhere")).isInstanceOf(io.cascadence.api.UnknownRunException.class);
        assertThat(remote.asked).contains("cancel nowhere");
        release.countDown();
    }

    @Test
    void aRequestMayNameItsBackendWhateverIsConfigured() throws Exception {
        Recording cron = new Recording();
        Recording temporal = new Recording();
        facade.add("cron", cron);
        facade.add("temporal", temporal);

        RunHandle handle = facade.submit(RunRequest.of("hello", Trigger.API), "temporal");

        assertThat(handle.completion().toCompletableFuture().get().result()).isEqualTo("hello from api");
        assertThat(temporal.requests).hasSize(1);
        assertThat(cron.requests).isEmpty();
        assertThatThrownBy(() -> facade.submit(RunRequest.of("hello", Trigger.API), "cronyx"))
                .isInstanceOf(BackendUnavailableException.class).hasMessageContaining("'cronyx' is not available");
        assertThatThrownBy(() -> facade.submit(RunRequest.of("nobody", Trigger.API), "temporal"))
                .isInstanceOf(UnknownTaskException.class);
        assertThat(temporal.requests).hasSize(1);
    }

    @Test
    void aRequestGoesToTheConfiguredBackendAndASwitchAppliesToTheNextOne() {
        Recording cron = new Recording();
        Recording base = new Recording();
        facade.add("cron", cron);
        facade.add("base", base);

        assertThat(facade.run(RunRequest.of("hello", Trigger.SHELL)).result()).isEqualTo("hello from shell");
        configured.set("base");
        facade.run(RunRequest.of("hello", Trigger.API));

        assertThat(cron.requests).extracting(RunRequest::trigger).containsExactly(Trigger.SHELL);
        assertThat(base.requests).extracting(RunRequest::trigger).containsExactly(Trigger.API);
        assertThat(facade.backend()).isEqualTo("base");
        assertThat(facade.warnings()).isEmpty();
    }

    @Test
    void withoutTheConfiguredBackendRequestsAreRefusedNamingItAndNeverRunElsewhere() {
        Recording base = new Recording();
        facade.add("base", base);
        configured.set("temporal");

        assertThatThrownBy(() -> facade.submit(RunRequest.of("hello", Trigger.API)))
                .isInstanceOfSatisfying(BackendUnavailableException.class,
                        e -> assertThat(e.backend()).isEqualTo("temporal"))
                .hasMessage("Scheduler backend 'temporal' is not available: it is not installed (installed: base); "
                        + "set backend to one of those, or install it");
        assertThat(base.requests).isEmpty();
        assertThat(fixture.store.count()).isZero();
        assertThat(facade.warnings()).singleElement().asString().contains("'temporal' is configured but not "
                + "installed");
    }

    @Test
    void aBackendThatGoesAwayIsNoLongerUsedAndASecondOfTheSameNameTakesOver() {
        Recording first = new Recording();
        Recording second = new Recording();
        facade.add("cron", first);
        facade.add("cron", second);

        facade.remove("cron", first);
        facade.run(RunRequest.of("hello", Trigger.API));
        facade.remove("cron", second);

        assertThat(first.requests).isEmpty();
        assertThat(second.requests).hasSize(1);
        assertThatThrownBy(() -> facade.submit(RunRequest.of("hello", Trigger.API)))
                .isInstanceOf(BackendUnavailableException.class).hasMessageContaining("installed: none");
    }

    @Test
    void unknownAndPausedTasksAreRefusedBeforeAnyBackendIsAsked() {
        Recording cron = new Recording();
        facade.add("cron", cron);
        facade.pause("hello");

        assertThatThrownBy(() -> facade.submit(RunRequest.of("nope", Trigger.API)))
                .isInstanceOf(UnknownTaskException.class);
        assertThatThrownBy(() -> facade.submit(RunRequest.of("hello", Trigger.API)))
                .isInstanceOf(TaskStateException.class);
        assertThat(cron.requests).isEmpty();
    }
}
