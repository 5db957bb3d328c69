package io.cascadence.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.cascadence.api.RunRequest;
import io.cascadence.api.RunResult;
import io.cascadence.api.Trigger;
import io.cascadence.core.impl.events.EventDispatcher;
import io.cascadence.core.impl.pipeline.Orchestrator;
import io.cascadence.core.impl.store.BatchWriter;
import io.cascadence.core.impl.store.RunLog;
import io.cascadence.core.impl.store.RunRecordsJson;
import io.cascadence.core.impl.store.StageLog;

/**
 * Runs per second of the no-op five-stage task from two threads with every event persisted: the dispatcher's
 * sinks are a {@link RunLog} (runs.json, newest 10,000 runs) and a {@link StageLog} (stages.yml, newest 1,000 per
 * key), each written by a {@link BatchWriter} every 250 ms, wired as RunHistoryComponent and StageStoreComponent
 * wire them, into a temporary directory. The trial's tear-down closes the writers (which writes what is pending)
 * and fails the benchmark unless both files exist and are not empty.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Threads(2)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PersistedThroughputBenchmark {

    /** PersistedFile.WRITE_INTERVAL, which every store uses. */
    static final Duration WRITE_INTERVAL = Duration.ofMillis(250);
    static final int RUN_RETENTION = 10_000;
    static final int STAGE_RETENTION = 1_000;

    private Path directory;
    private Path runsFile;
    private Path stagesFile;
    private RunLog runLog;
    private StageLog stageLog;
    private volatile BatchWriter runsWriter;
    private volatile BatchWriter stagesWriter;
    private EventDispatcher events;
    private ForkJoinPool executor;
    private Orchestrator orchestrator;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        directory = Files.createTempDirectory("cascadence-jmh-");
        runsFile = directory.resolve("runs.json");
        stagesFile = directory.resolve("stages.yml");

        // As RunHistoryComponent.activate: the log marks its writer dirty on every change.
        runLog = new RunLog(RUN_RETENTION, this::runsChanged);
        runsWriter = new BatchWriter(runsFile, WRITE_INTERVAL, () -> RunRecordsJson.write(runLog.snapshot()));
        // As StageStoreComponent.activate.
        stageLog = new StageLog(STAGE_RETENTION, this::stagesChanged);
        stagesWriter = new BatchWriter(stagesFile, WRITE_INTERVAL, stageLog::snapshot);

        events = new EventDispatcher(1024);
        events.addSink(runLog);
        events.addSink(stageLog);
        executor = Pipelines.executor();
        orchestrator = Pipelines.orchestrator(new NoOpTask(), Pipelines.services(events, executor));
    }

    private void runsChanged() {
        BatchWriter pending = runsWriter;
        if (pending != null) {
            pending.markDirty();
        }
    }

    private void stagesChanged() {
        BatchWriter pending = stagesWriter;
        if (pending != null) {
            pending.markDirty();
        }
    }

    @Benchmark
    public RunResult persistedRun() {
        return orchestrator.run(RunRequest.of(NoOpTask.NAME, Trigger.API));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException, InterruptedException {
        try {
            runsWriter.close();
            stagesWriter.close();
            events.close();
            Pipelines.shutdown(executor);
            int held = runLog.snapshot().size();
            long runsBytes = requireWritten(runsFile, runsWriter);
            long stagesBytes = requireWritten(stagesFile, stagesWriter);
            System.err.printf("%nPersistedThroughputBenchmark: the RunLog holds %,d runs (retention %,d); "
                    + "runs.json %,d bytes, stages.yml %,d bytes, %,d stage entries under %s%n", held, RUN_RETENTION,
                    runsBytes, stagesBytes, stageLog.events(NoOpTask.NAME).size()
                            + stageLog.events(NoOpTask.NAME + ":audit").size(),
                    NoOpTask.NAME);
            if (held == 0) {
                throw new IllegalStateException("the RunLog holds no runs: nothing was recorded");
            }
        } finally {
            deleteRecursively(directory);
        }
    }

    private static long requireWritten(Path file, BatchWriter writer) throws IOException {
        if (writer.problem() != null) {
            throw new IllegalStateException("the store could not be written: " + writer.problem());
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " was not written");
        }
        long size = Files.size(file);
        if (size == 0) {
            throw new IllegalStateException(file + " is empty");
        }
        return size;
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
