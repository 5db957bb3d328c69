package io.cascadence.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.cascadence.api.RunQuery;
import io.cascadence.api.RunRecord;
import io.cascadence.api.Task;
import io.cascadence.api.event.EventBus;
import io.cascadence.core.impl.RegisteredTask;
import io.cascadence.core.impl.history.RunStore;
import io.cascadence.core.impl.pipeline.IdentityHasher;
import io.cascadence.core.impl.pipeline.PipelineServices;
import io.cascadence.core.impl.pipeline.TaskStates;
import io.cascadence.core.impl.runs.ActiveRuns;
import io.cascadence.core.impl.runs.RunEngine;

/** Wires pipelines and the run engine the way RunsComponent does, with {@link NoOpTask} as the only task. */
final class Pipelines {

    private Pipelines() {
    }

    /** The same kind of pool as RunsComponent's: threads as runs need them. */
    static ExecutorService executor() {
        return Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "cascadence-run");
            thread.setDaemon(true);
            return thread;
        });
    }

    static PipelineServices services(EventBus events, ExecutorService executor) {
        return new PipelineServices(events, () -> NoOpTask.RESEARCH, () -> null, executor, Clock.systemUTC());
    }

    /** An engine over {@code store}, at most 64 runs at once and 10,000 waiting, without timeouts. */
    static RunEngine engine(Task task, PipelineServices services, ActiveRuns active, RunStore store,
            ScheduledExecutorService timer) {
        Optional<RegisteredTask> found = Optional.of(new RegisteredTask(NoOpTask.NAME, task, 1, 0, "bench", "1"));
        RunEngine.Limits limits = new RunEngine.Limits() {
            @Override
            public int maxConcurrent() {
                return 64;
            }

            @Override
            public int queueCapacity() {
                return 10_000;
            }

            @Override
            public Duration timeoutOf(RegisteredTask registered) {
                return Duration.ZERO;
            }
        };
        return new RunEngine(name -> NoOpTask.NAME.equals(name) ? found : Optional.empty(), new TaskStates(),
                new IdentityHasher(() -> ""), services, active, store, limits, timer);
    }

    static void shutdown(ExecutorService executor) throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the run pool did not stop in 10 s");
        }
    }

    /** A store that keeps nothing and commits at once: the engine's own cost, without a database. */
    static final class NullRunStore implements RunStore {
        private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

        @Override
        public CompletableFuture<Void> save(Collection<RunRecord> records) {
            return DONE;
        }

        @Override
        public void saveLater(RunRecord record) {
        }

        @Override
        public Optional<RunRecord> find(String runId) {
            return Optional.empty();
        }

        @Override
        public List<RunRecord> query(RunQuery query) {
            return List.of();
        }

        @Override
        public Map<String, RunRecord> latest(Collection<String> taskNames, String userHash) {
            return Map.of();
        }

        @Override
        public List<RunRecord> children(String runId) {
            return List.of();
        }

        @Override
        public int interruptUnfinished(String reason, Instant at) {
            return 0;
        }

        @Override
        public long count() {
            return 0;
        }

        @Override
        public List<String> warnings() {
            return List.of();
        }

        @Override
        public void close() {
        }
    }
}
