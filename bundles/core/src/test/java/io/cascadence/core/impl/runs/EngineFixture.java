package io.cascadence.core.impl.runs;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.cascadence.api.Identity;
import io.cascadence.api.RunHandle;
import io.cascadence.api.RunRequest;
import io.cascadence.api.RunResult;
import io.cascadence.api.Task;
import io.cascadence.api.Trigger;
import io.cascadence.api.event.EventBus;
import io.cascadence.core.impl.RegisteredTask;
import io.cascadence.core.impl.history.MemoryRunStore;
import io.cascadence.core.impl.pipeline.IdentityHasher;
import io.cascadence.core.impl.pipeline.PipelineServices;
import io.cascadence.core.impl.pipeline.RecordingBus;
import io.cascadence.core.impl.pipeline.TaskStates;

/** A run engine wired as the core wires it, over a store in memory, with limits a test can change. */
final class EngineFixture implements AutoCloseable {

    final RecordingBus bus = new RecordingBus();
    final MemoryRunStore store = new MemoryRunStore();
    final Map<String, RegisteredTask> tasks = new ConcurrentHashMap<>();
    final TaskStates states = new TaskStates();
    final AtomicReference<String> secret = new AtomicReference<>("");
    final AtomicInteger maxConcurrent = new AtomicInteger(4);
    final AtomicInteger queueCapacity = new AtomicInteger(10);
    final Map<String, Duration> timeouts = new ConcurrentHashMap<>();
    final ActiveRuns active = new ActiveRuns(store::saveLater);
    final ExecutorService workers;
    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    final RunEngine engine;
    final TaskControl control;
    private final AtomicLong serviceIds = new AtomicLong();

    EngineFixture() {
        AtomicInteger threads = new AtomicInteger();
        workers = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "test-run-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        EventBus events = event -> {
            bus.publish(event);
            active.accept(event);
        };
        PipelineServices services = new PipelineServices(events, () -> null, () -> null, workers,
                Clock.systemUTC());
        RunEngine.Limits limits = new RunEngine.Limits() {
            @Override
            public int maxConcurrent() {
                return maxConcurrent.get();
            }

            @Override
            public int queueCapacity() {
                return queueCapacity.get();
            }

            @Override
            public Duration timeoutOf(RegisteredTask task) {
                return timeouts.getOrDefault(task.name(), Duration.ZERO);
            }
        };
        engine = new RunEngine(name -> Optional.ofNullable(tasks.get(name)), states,
                new IdentityHasher(secret::get), services, active, store, limits, timer);
        control = new TaskControl(name -> Optional.ofNullable(tasks.get(name)), states, engine, events,
                Clock.systemUTC());
    }

    void task(String name, Task task) {
        tasks.put(name, new RegisteredTask(name, task, serviceIds.incrementAndGet(), 0, "test", "1.0.0"));
    }

    RunHandle submit(String name) {
        return engine.execute(request(name));
    }

    RunResult run(String name) throws Exception {
        return run(request(name));
    }

    RunResult run(RunRequest request) throws Exception {
        return engine.execute(request).completion().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static RunRequest request(String name) {
        return RunRequest.of(name, Trigger.API);
    }

    static RunRequest request(String name, Identity identity) {
        return RunRequest.of(name, Trigger.API).withIdentity(identity);
    }

    @Override
    public void close() {
        engine.stop(Duration.ZERO);
        workers.shutdownNow();
        timer.shutdownNow();
        store.close();
    }
}
