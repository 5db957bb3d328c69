package io.cascadence.temporal.impl;

/**
 * A run as its workflow knows it, the answer to the {@code run} query. Public for Temporal's JSON converter.
 *
 * @param runId the run's id (the workflow's id)
 * @param taskName the task
 * @param trigger what started it
 * @param status a run record's status ({@code queued}, {@code running}, {@code success}, {@code error},
 *        {@code cancelled}, {@code timed_out}, {@code interrupted})
 * @param stage the stage in progress as last reported, or the failed stage; {@code null} when none is known
 * @param paused whether the run has been asked to hold
 */
public record RunState(String runId, String taskName, String trigger, String status, String stage,
        boolean paused) {
}
