package io.cascadence.scheduler.impl.cron;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

import io.cascadence.api.CascadenceException;
import io.cascadence.api.schedule.Schedule;

/**
 * Where the {@link CronEngine} sends the fires it decides: the component that owns the engine implements it to
 * submit runs and to publish fires that did not run. Both methods are called on the engine's fire executor, one
 * call at a time, in the order the fires were due.
 */
public interface FireTarget {

    /**
     * Starts a run for {@code fire}.
     *
     * @return the run's completion, done (normally or exceptionally, whatever the run's outcome) when the run ends;
     *         the engine counts the run as running for the overlap policy until then
     * @throws CascadenceException when the run is refused (task paused, disabled or unknown, queue full); the
     *         engine reports the fire to {@link #skipped} with the exception's message and goes on
     */
    CompletionStage<?> fire(Fire fire);

    /**
     * A fire that did not run: skipped by the overlap or misfire policy, refused by {@link #fire}, or dropped
     * because its schedule was removed while it waited.
     *
     * @param reason why, for the user, naming the policy or refusal
     */
    void skipped(Fire fire, String reason);

    /**
     * One fire of a schedule.
     *
     * @param schedule the schedule as it was when the fire was handed over
     * @param due the instant the expression gave for it (UTC)
     * @param firedAt the instant the engine handed it over (for a skip, when it was decided)
     * @param kind why it happened now
     */
    record Fire(Schedule schedule, Instant due, Instant firedAt, Kind kind) {

        public Fire {
            Objects.requireNonNull(schedule, "schedule");
            Objects.requireNonNull(due, "due");
            Objects.requireNonNull(firedAt, "firedAt");
            Objects.requireNonNull(kind, "kind");
        }

        /** How much later than due it was handed over: {@code firedAt - due}, negative if the clock went back. */
        public Duration lateness() {
            return Duration.between(due, firedAt);
        }

        public String taskName() {
            return schedule.taskName();
        }
    }

    /** Why a fire happens when it does. */
    enum Kind {
        /** At its due time, or late by less than the misfire threshold. */
        ON_TIME,
        /** For a fire missed while the engine was stopped, inactive or woken too late (the misfire policy). */
        CATCH_UP,
        /** It waited for the schedule's previous run to end ({@code overlap: queue_one}). */
        QUEUED
    }
}
