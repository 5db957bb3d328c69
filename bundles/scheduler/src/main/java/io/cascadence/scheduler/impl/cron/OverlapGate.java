package io.cascadence.scheduler.impl.cron;

import io.cascadence.api.schedule.OverlapPolicy;
import io.cascadence.scheduler.impl.cron.FireTarget.Fire;

/**
 * One task's overlap bookkeeping: how many runs the engine started for it are still running, and the fire waiting
 * for them under {@code queue_one}. It belongs to the task, not to the schedule value, so replacing a schedule keeps
 * it. Runs started otherwise (by a user, a webhook) are not seen here and do not count.
 */
final class OverlapGate {

    /** What to do with a fire. */
    enum Verdict { RUN, WAIT, SKIP }

    /** A verdict, and for {@link Verdict#SKIP} why. */
    record Admission(Verdict verdict, String reason) {
    }

    private int running;
    private Fire waiting;
    private Fire lastStarted;

    /**
     * Decides about {@code fire} under its schedule's overlap policy; {@link Verdict#RUN} counts it as running until
     * {@link #finished}, {@link Verdict#WAIT} keeps it until the running ones end.
     */
    synchronized Admission admit(Fire fire) {
        OverlapPolicy policy = fire.schedule().overlap();
        // Catch-ups were asked for by the misfire policy (run_all: one per missed time), so they do not skip each
        // other; they run beside each other like allow.
        if (running == 0 || policy == OverlapPolicy.ALLOW || fire.kind() == FireTarget.Kind.CATCH_UP) {
            running++;
            lastStarted = fire;
            return new Admission(Verdict.RUN, null);
        }
        if (policy == OverlapPolicy.QUEUE_ONE && waiting == null) {
            waiting = fire;
            return new Admission(Verdict.WAIT, null);
        }
        String previous = "the previous run (due " + lastStarted.due() + ") is still running";
        if (policy == OverlapPolicy.QUEUE_ONE) {
            return new Admission(Verdict.SKIP, previous + " and the fire due " + waiting.due()
                    + " already waits for it (overlap policy queue_one)");
        }
        return new Admission(Verdict.SKIP, previous + " (overlap policy skip)");
    }

    /**
     * A run admitted here ended (or was refused).
     *
     * @return the waiting fire, now counted as running, when this was the last run; else {@code null}
     */
    synchronized Fire finished() {
        running = Math.max(0, running - 1);
        if (running > 0 || waiting == null) {
            return null;
        }
        Fire next = waiting;
        waiting = null;
        running++;
        lastStarted = next;
        return next;
    }

    /** Drops the waiting fire, if any, and returns it: its schedule was removed. */
    synchronized Fire discardWaiting() {
        Fire dropped = waiting;
        waiting = null;
        return dropped;
    }
}
