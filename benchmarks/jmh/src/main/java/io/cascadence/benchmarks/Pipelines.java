package io.cascadence.benchmarks;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;

import io.cascadence.api.Task;
import io.cascadence.api.event.EventBus;
import io.cascadence.core.impl.pipeline.IdentityHasher;
import io.cascadence.core.impl.pipeline.Orchestrator;
import io.cascadence.core.impl.pipeline.PipelineServices;
import io.cascadence.core.impl.pipeline.TaskStates;

/** Wires pipelines the way SchedulerComponent does, with {@link NoOpTask} as the only registered task. */
final class Pipelines {

    private Pipelines() {
    }

    /** The same pool as SchedulerComponent's: async mode, at least 4 workers, twice the cores. */
    static ForkJoinPool executor() {
        return new ForkJoinPool(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), pool -> {
            ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            thread.setName("cascadence-pipeline-" + thread.getPoolIndex());
            return thread;
        }, null, true);
    }

    static PipelineServices services(EventBus events, ForkJoinPool executor) {
        return new PipelineServices(events, () -> NoOpTask.RESEARCH, () -> null, executor, Clock.systemUTC());
    }

    static Orchestrator orchestrator(Task task, PipelineServices services) {
        Optional<Task> found = Optional.of(task);
        return new Orchestrator(name -> NoOpTask.NAME.equals(name) ? found : Optional.empty(),
                new IdentityHasher(() -> ""), services, new TaskStates());
    }

    static void shutdown(ForkJoinPool executor) throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the pipeline pool did not stop in 10 s");
        }
    }
}
