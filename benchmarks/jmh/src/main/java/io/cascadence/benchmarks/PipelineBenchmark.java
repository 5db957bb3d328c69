package io.cascadence.benchmarks;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
import io.cascadence.core.impl.pipeline.PipelineServices;
import io.cascadence.core.impl.pipeline.RunSpec;
import io.cascadence.core.impl.pipeline.TaskPipeline;
import io.cascadence.core.impl.runs.ActiveRuns;
import io.cascadence.core.impl.runs.RunEngine;

/**
 * Per-run overhead of a no-op five-stage task, without persistence: every event (21 per run) is created and
 * published to an {@link EventDispatcher} that has no sinks and no listeners.
 * <ul>
 * <li>{@link #engine()}: {@code RunEngine.execute(request)} and waiting for the outcome, the path every run
 * takes (task lookup, state checks, identity hashing, a UUID run id, admission, the live record built from the
 * events, a hand-off to a worker thread and back), over a store that commits at once;</li>
 * <li>{@link #pipeline()}: {@code TaskPipeline.of(...).start().join()} with a fixed run spec on the calling
 * thread, so the difference between the two is the engine's own share.</li>
 * </ul>
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
            Identity.ANONYMOUS, null, null, null, "api", null);
    private final RunRequest request = RunRequest.of(NoOpTask.NAME, Trigger.API);

    private ExecutorService executor;
    private ScheduledExecutorService timer;
    private EventDispatcher events;
    private PipelineServices services;
    private RunEngine engine;

    @Setup(Level.Trial)
    public void setUp() {
        executor = Pipelines.executor();
        timer = Executors.newSingleThreadScheduledExecutor();
        events = new EventDispatcher(1024);
        ActiveRuns active = new ActiveRuns(record -> { });
        events.addSink(active);
        services = Pipelines.services(events, executor);
        engine = Pipelines.engine(task, services, active, new Pipelines.NullRunStore(), timer);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        if (engine.inFlight() != 0) {
            throw new IllegalStateException(engine.inFlight() + " runs still in flight after the trial");
        }
        engine.stop(java.time.Duration.ZERO);
        events.close();
        timer.shutdownNow();
        Pipelines.shutdown(executor);
    }

    @Benchmark
    public RunResult engine() {
        return engine.execute(request).completion().toCompletableFuture().join();
    }

    @Benchmark
    public Object pipeline() {
        return TaskPipeline.of(task, spec, services).start().join();
    }
}
