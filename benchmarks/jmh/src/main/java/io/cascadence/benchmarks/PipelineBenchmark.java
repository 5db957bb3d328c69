package io.cascadence.benchmarks;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.cascadence.api.Identity;
import io.cascadence.api.RunRequest;
import io.cascadence.api.RunResult;
import io.cascadence.api.Trigger;
import io.cascadence.core.impl.events.EventDispatcher;
import io.cascadence.core.impl.pipeline.Orchestrator;
import io.cascadence.core.impl.pipeline.PipelineServices;
import io.cascadence.core.impl.pipeline.RunSpec;
import io.cascadence.core.impl.pipeline.TaskPipeline;

/**
 * Per-run overhead of a no-op five-stage task, without persistence: every event (21 per run) is created and
 * published to an {@link EventDispatcher} that has no sinks and no listeners.
 * <ul>
 * <li>{@link #orchestrator()}: {@code Orchestrator.run(RunRequest.of(name, Trigger.API))}, the path every run takes
 * (task lookup, state checks, identity hashing, a UUID run id, the in-progress map, the result wrapper);</li>
 * <li>{@link #pipeline()}: {@code TaskPipeline.of(...).start().join()} with a fixed run spec, so the difference
 * between the two is the orchestrator's own share.</li>
 * </ul>
 * The stages complete at once, so the run stays on the calling thread; the executor is a real ForkJoinPool all
 * the same, as in SchedulerComponent.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PipelineBenchmark {

    private final NoOpTask task = new NoOpTask();
    private final RunSpec spec = new RunSpec("00000000-0000-0000-0000-000000000000", NoOpTask.NAME,
            Identity.ANONYMOUS, null, null, null, Trigger.API.name(), null);

    private ForkJoinPool executor;
    private EventDispatcher events;
    private PipelineServices services;
    private Orchestrator orchestrator;

    @Setup(Level.Trial)
    public void setUp() {
        executor = Pipelines.executor();
        events = new EventDispatcher(1024);
        services = Pipelines.services(events, executor);
        orchestrator = Pipelines.orchestrator(task, services);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        if (orchestrator.inFlight() != 0) {
            throw new IllegalStateException(orchestrator.inFlight() + " runs still in flight after the trial");
        }
        events.close();
        Pipelines.shutdown(executor);
    }

    @Benchmark
    public RunResult orchestrator() {
        return orchestrator.run(RunRequest.of(NoOpTask.NAME, Trigger.API));
    }

    @Benchmark
    public Object pipeline() {
        return TaskPipeline.of(task, spec, services).start().join();
    }
}
