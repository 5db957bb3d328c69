package io.cascadence.scheduler.impl.cron;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.CascadenceException;
import io.cascadence.api.schedule.Schedule;
import io.cascadence.scheduler.impl.cron.FireTarget.Fire;
import io.cascadence.scheduler.impl.cron.FireTarget.Kind;

/**
 * Hands the engine's decisions to the {@link FireTarget}, off the timer thread and in order: applies the overlap
 * policy at the moment of hand-off, turns a refusal into a skip, follows each run's completion, and reports the
 * watermark once a batch is through.
 */
final class FireDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(FireDispatcher.class);

    /**
     * One decision for one due time.
     *
     * @param skipReason {@code null} to offer the fire to the overlap gate, else why it is skipped outright
     */
    record Step(OverlapGate gate, Schedule schedule, Instant due, Kind kind, String skipReason) {

        static Step fire(OverlapGate gate, Schedule schedule, Instant due, Kind kind) {
            return new Step(gate, schedule, due, kind, null);
        }

        static Step skip(OverlapGate gate, Schedule schedule, Instant due, String reason) {
            return new Step(gate, schedule, due, Kind.CATCH_UP, reason);
        }
    }

    private final Clock clock;
    private final FireTarget target;
    private final Consumer<Instant> watermark;
    private final SerialExecutor serial;
    private volatile boolean stopped;

    FireDispatcher(Clock clock, Executor executor, FireTarget target, Consumer<Instant> watermark) {
        this.clock = clock;
        this.target = target;
        this.watermark = watermark;
        this.serial = new SerialExecutor(executor);
    }

    /** Hands {@code steps} over in order, then reports {@code handedUpTo} unless it is {@code null}. */
    void submit(List<Step> steps, Instant handedUpTo) {
        if (stopped) {
            // After stop the fire executor may be shut down; a wake-up still finishing has nothing left to hand over.
            return;
        }
        serial.execute(() -> {
            for (Step step : steps) {
                if (stopped) {
                    return;
                }
                hand(step);
            }
            if (handedUpTo != null && !stopped) {
                try {
                    watermark.accept(handedUpTo);
                } catch (RuntimeException e) {
                    LOG.error("The cron watermark {} could not be recorded", handedUpTo, e);
                }
            }
        });
    }

    /** Nothing is handed over from now on; runs already started go on. */
    void stop() {
        stopped = true;
    }

    private void hand(Step step) {
        Fire fire = new Fire(step.schedule(), step.due(), clock.instant(), step.kind());
        if (step.skipReason() != null) {
            skipped(fire, step.skipReason());
            return;
        }
        OverlapGate.Admission admission = step.gate().admit(fire);
        switch (admission.verdict()) {
            case RUN -> start(step.gate(), fire);
            case SKIP -> skipped(fire, admission.reason());
            case WAIT -> LOG.debug("Fire of {} due {} waits for the previous run", fire.taskName(), fire.due());
        }
    }

    private void start(OverlapGate gate, Fire fire) {
        CompletionStage<?> completion;
        try {
            completion = target.fire(fire);
        } catch (CascadenceException e) {
            finished(gate);
            skipped(fire, e.getMessage());
            return;
        } catch (RuntimeException e) {
            // A bug in the owner must not stop the schedule's later fires, nor go unreported.
            LOG.error("Starting the run of {} due {} failed", fire.taskName(), fire.due(), e);
            finished(gate);
            skipped(fire, "the run could not be started: " + e);
            return;
        }
        if (completion == null) {
            finished(gate);
        } else {
            completion.whenComplete((result, failure) -> finished(gate));
        }
    }

    private void finished(OverlapGate gate) {
        Fire waiting = gate.finished();
        if (waiting != null) {
            serial.execute(() -> {
                if (!stopped) {
                    start(gate, new Fire(waiting.schedule(), waiting.due(), clock.instant(), Kind.QUEUED));
                }
            });
        }
    }

    /** Reports a fire that did not run, through the same ordered hand-off as fires. */
    void reportLater(Fire fire, String reason) {
        serial.execute(() -> skipped(fire, reason));
    }

    private void skipped(Fire fire, String reason) {
        try {
            target.skipped(fire, reason);
        } catch (RuntimeException e) {
            LOG.error("Reporting the skipped fire of {} due {} ({}) failed", fire.taskName(), fire.due(), reason, e);
        }
    }
}
