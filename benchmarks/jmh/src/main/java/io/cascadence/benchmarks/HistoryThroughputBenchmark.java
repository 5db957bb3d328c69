package io.cascadence.benchmarks;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.cascadence.core.impl.history.SqlRunStore;

/**
 * Persisted runs per second through {@link SqlRunStore#save}: each operation saves one finished run and waits
 * until it is committed, as the run engine does before it answers a caller. 1, 8 and 64 threads save at once,
 * so the group commit has 1, up to 8 or up to 64 runs to put into one transaction. The tear-down fails the
 * benchmark unless every acknowledged run is in the database.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
// Hikari and Flyway report every pool start and migration at INFO; the results are what matters here.
@Fork(value = 1, jvmArgsAppend = {"-Dorg.slf4j.simpleLogger.log.com.zaxxer.hikari=warn",
        "-Dorg.slf4j.simpleLogger.log.org.flywaydb=warn"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class HistoryThroughputBenchmark {

    @Param({"sqlite-full", "sqlite-normal", "postgresql"})
    public String database;

    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private HistoryDatabases databases;
    private SqlRunStore store;

    @Setup(Level.Trial)
    public void open() throws IOException {
        databases = new HistoryDatabases(database);
        store = databases.open(4);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException, SQLException {
        try {
            long stored = store.count();
            store.close();
            System.err.printf("%nHistoryThroughputBenchmark %s: %,d runs acknowledged, %,d stored%n", database,
                    acknowledged.get(), stored);
            if (stored < acknowledged.get()) {
                throw new IllegalStateException("acknowledged runs are missing from " + database);
            }
        } finally {
            databases.close();
        }
    }

    @Benchmark
    @Threads(1)
    public void save1() {
        save();
    }

    @Benchmark
    @Threads(8)
    public void save8() {
        save();
    }

    @Benchmark
    @Threads(64)
    public void save64() {
        save();
    }

    private void save() {
        String id = "run-" + ids.incrementAndGet();
        store.save(List.of(HistoryDatabases.run(id, "bench", Instant.now()))).join();
        acknowledged.incrementAndGet();
    }
}
