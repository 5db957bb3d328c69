package io.cascadence.benchmarks.cron;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import io.cascadence.api.schedule.CronExpression;
import io.cascadence.api.schedule.Schedule;
import io.cascadence.scheduler.impl.cron.CronEngine;
import io.cascadence.scheduler.impl.cron.EngineSettings;
import io.cascadence.scheduler.impl.cron.ExecutorTimer;
import io.cascadence.scheduler.impl.cron.FireTarget;
import io.cascadence.scheduler.impl.cron.Timer;

/**
 * Cascadence's {@link CronEngine} wired as {@code SchedulesComponent} wires it: the real clock, an
 * {@link ExecutorTimer}, one fire thread, the watermark kept in memory; only the
 * target differs, a no-op that returns a completed future (the container's submits a run on other threads).
 * Traced, it also notes where the wake-up's time goes ({@link WakeTrace}).
 */
final class CascadenceRound implements FireRound {

    private static final CompletionStage<Void> DONE = CompletableFuture.completedFuture(null);

    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<Instant> handedUpTo = new AtomicReference<>();
    private final boolean traced;
    private WakeTrace trace;
    private Instant due;
    private ExecutorTimer timer;
    private ExecutorService fireThread;
    private CronEngine engine;

    CascadenceRound(boolean traced) {
        this.traced = traced;
    }

    @Override
    public void arm(int count, FireStarts starts) {
        due = starts.due();
        timer = new ExecutorTimer(clock, "cascadence-cron-timer");
        fireThread = Executors.newSingleThreadExecutor(CronFireLoad.daemon("cascadence-cron-fire"));
        FireTarget target = new FireTarget() {
            @Override
            public CompletionStage<?> fire(Fire fire) {
                starts.started(Instant.now(), fire.due());
                return DONE;
            }

            @Override
            public void skipped(Fire fire, String reason) {
                starts.skipped();
            }
        };
        if (traced) {
            trace = new WakeTrace(starts, count);
            Timer wrapped = trace.wrap(timer);
            engine = new CronEngine(clock, wrapped, fireThread, target, EngineSettings.DEFAULTS, instant -> {
                trace.watermark(instant);
                handedUpTo.set(instant);
            });
        } else {
            engine = new CronEngine(clock, timer, fireThread, target, EngineSettings.DEFAULTS, handedUpTo::set);
        }
        ZonedDateTime at = due.atZone(ZoneOffset.UTC);
        // One parse, as ScheduleFile's parser shares a repeated expression between entries.
        CronExpression expression = CronExpression.parse(at.getMinute() + " " + at.getHour() + " * * *");
        for (int i = 0; i < count; i++) {
            engine.put(new Schedule("task-" + i, expression, null, null, null, null));
        }
        engine.start(null, task -> Optional.empty());
    }

    /**
     * Waits for the wake-up to end before stopping: the engine hands its last watermark to the fire executor after
     * the fires, and stopping that executor under it is an error (so it is in {@code SchedulesComponent}).
     */
    @Override
    public void close() throws InterruptedException {
        long giveUp = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < giveUp && (handedUpTo.get() == null || handedUpTo.get().isBefore(due)
                || trace != null && !trace.wakeDone())) {
            Thread.sleep(10);
        }
        Thread.sleep(1_000);
        if (trace != null) {
            System.out.println(trace.report());
        }
        engine.stop();
        timer.close();
        fireThread.shutdownNow();
    }
}
