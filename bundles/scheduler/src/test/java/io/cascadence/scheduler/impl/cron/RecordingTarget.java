package io.cascadence.scheduler.impl.cron;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import io.cascadence.scheduler.impl.cron.FireTarget.Fire;

/**
 * A fire target that records what the engine hands over. By default runs end at once; {@link #holdRuns} keeps each
 * run going until the test completes its future; {@link #refuseWith} makes it refuse.
 */
final class RecordingTarget implements FireTarget {

    record Skip(Fire fire, String reason) {
    }

    final List<Fire> fired = new ArrayList<>();
    final List<Skip> skipped = new ArrayList<>();
    final List<CompletableFuture<Void>> runs = new ArrayList<>();
    private boolean hold;
    private Function<Fire, RuntimeException> refusal;

    void holdRuns() {
        hold = true;
    }

    void refuseWith(Function<Fire, RuntimeException> refusing) {
        refusal = refusing;
    }

    @Override
    public synchronized CompletionStage<?> fire(Fire fire) {
        if (refusal != null) {
            RuntimeException refused = refusal.apply(fire);
            if (refused != null) {
                throw refused;
            }
        }
        fired.add(fire);
        CompletableFuture<Void> run = new CompletableFuture<>();
        runs.add(run);
        if (!hold) {
            run.complete(null);
        }
        return run;
    }

    @Override
    public synchronized void skipped(Fire fire, String reason) {
        skipped.add(new Skip(fire, reason));
    }

    synchronized List<Instant> dueTimes() {
        return fired.stream().map(Fire::due).toList();
    }

    synchronized List<Instant> dueTimes(String task) {
        return fired.stream().filter(f -> f.taskName().equals(task)).map(Fire::due).toList();
    }

    /** Ends the {@code index}th run started (from 0). */
    void finish(int index) {
        runs.get(index).complete(null);
    }
}
