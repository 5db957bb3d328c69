package io.cascadence.benchmarks;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.cascadence.api.RunRecord;
import io.cascadence.core.impl.history.HistoryDatabase;
import io.cascadence.core.impl.history.SqlRunStore;

/**
 * Writes a run-history database with many finished runs, as the engine stores them, for measuring a container
 * that has a long history: {@code RUNS} runs spread evenly over {@code TASKS} tasks named {@code task-0}, ...,
 * the first of which is named {@code example} (the installation's built-in task), a second apart.
 *
 * <pre>java -cp benchmarks/jmh/target/benchmarks.jar io.cascadence.benchmarks.FillHistory data/runs.db RUNS TASKS</pre>
 */
public final class FillHistory {

    private static final int PER_SAVE = 10_000;

    private FillHistory() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        int tasks = Integer.parseInt(args[2]);
        long started = System.nanoTime();
        SqlRunStore store = SqlRunStore.open(HistoryDatabase.sqlite(file, false),
                new SqlRunStore.Settings(2, Integer.MAX_VALUE, null));
        try {
            Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
            List<CompletableFuture<Void>> saves = new ArrayList<>();
            List<RunRecord> batch = new ArrayList<>(PER_SAVE);
            for (int i = 0; i < runs; i++) {
                int task = i % tasks;
                batch.add(HistoryDatabases.run("fill-" + i, task == 0 ? "example" : "task-" + task,
                        t0.plusSeconds(i)));
                if (batch.size() == PER_SAVE) {
                    saves.add(store.save(batch));
                    batch = new ArrayList<>(PER_SAVE);
                }
            }
            saves.add(store.save(batch));
            CompletableFuture.allOf(saves.toArray(CompletableFuture[]::new)).join();
            System.out.printf("%,d runs of %d tasks written to %s in %,d ms%n", store.count(), tasks, file,
                    (System.nanoTime() - started) / 1_000_000);
        } finally {
            store.close();
        }
    }
}
