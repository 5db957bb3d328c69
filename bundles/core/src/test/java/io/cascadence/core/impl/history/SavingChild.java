package io.cascadence.core.impl.history;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The process {@link KillDurabilityTest} kills: saves runs into the SQLite database named by its first argument
 * ({@code full} or {@code normal} sync as the second) from 8 threads as fast as it can, and prints the id of each
 * run once its save is acknowledged, until it is killed.
 */
public final class SavingChild {

    private SavingChild() {
    }

    public static void main(String[] args) {
        SqlRunStore store = SqlRunStore.open(HistoryDatabase.sqlite(Path.of(args[0]), args[1].equals("full")),
                new SqlRunStore.Settings(2, Integer.MAX_VALUE, null));
        PrintStream out = System.out;
        AtomicLong next = new AtomicLong();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                while (true) {
                    String id = "run-" + next.incrementAndGet();
                    store.save(List.of(Runs.ended(id, "durable", 0))).join();
                    synchronized (out) {
                        out.println(id);
                        out.flush();
                    }
                }
            });
            thread.start();
        }
    }
}
