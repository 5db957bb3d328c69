package io.cascadence.benchmarks;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.cascadence.api.RunQuery;
import io.cascadence.api.RunRecord;
import io.cascadence.core.impl.history.SqlRunStore;

/**
 * Query latency with a million runs stored (100 tasks of 10,000 runs, a second apart): the first page of one task
 * ({@code GET /tasks/{name}/runs}, 20 newest), the first page of all runs ({@code GET /runs}) and one run by id.
 * The million rows are written once per trial, in saves of 10,000 records (one transaction each), and the
 * time that took is printed.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
// Hikari and Flyway report every pool start and migration at INFO; the results are what matters here.
@Fork(value = 1, jvmArgsAppend = {"-Dorg.slf4j.simpleLogger.log.com.zaxxer.hikari=warn",
        "-Dorg.slf4j.simpleLogger.log.org.flywaydb=warn"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class HistoryQueryBenchmark {

    static final int TASKS = 100;
    static final int RUNS_PER_TASK = 10_000;
    static final int PER_SAVE = 10_000;
    static final int PAGE = 20;

    @Param({"sqlite-full", "postgresql"})
    public String database;

    private HistoryDatabases databases;
    private SqlRunStore store;
    private final RunQuery taskPage = RunQuery.forTask("task-42", 0, PAGE);
    private final RunQuery allPage = new RunQuery(null, null, null, null, null, 0, PAGE);

    @Setup(Level.Trial)
    public void fill() throws IOException {
        databases = new HistoryDatabases(database);
        store = databases.open(4);
        long started = System.nanoTime();
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        List<CompletableFuture<Void>> saves = new ArrayList<>();
        List<RunRecord> batch = new ArrayList<>(PER_SAVE);
        for (int i = 0; i < TASKS * RUNS_PER_TASK; i++) {
            batch.add(HistoryDatabases.run("run-" + i, "task-" + (i % TASKS), t0.plusSeconds(i)));
            if (batch.size() == PER_SAVE) {
                saves.add(store.save(batch));
                batch = new ArrayList<>(PER_SAVE);
            }
        }
        CompletableFuture.allOf(saves.toArray(CompletableFuture[]::new)).join();
        System.err.printf("%nHistoryQueryBenchmark %s: %,d runs written in %,d ms%n", database, store.count(),
                (System.nanoTime() - started) / 1_000_000);
        if (store.query(taskPage).size() != PAGE) {
            throw new IllegalStateException("the task's first page is not full");
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException, SQLException {
        try {
            store.close();
        } finally {
            databases.close();
        }
    }

    @Benchmark
    public List<RunRecord> taskFirstPage() {
        return store.query(taskPage);
    }

    @Benchmark
    public List<RunRecord> allRunsFirstPage() {
        return store.query(allPage);
    }

    @Benchmark
    public Object findById() {
        return store.find("run-424242").orElseThrow();
    }
}
