package io.cascadence.temporal.impl;

import java.time.Instant;

import io.cascadence.api.Identity;
import io.cascadence.api.RunRequest;
import io.cascadence.api.Trigger;

/**
 * A run request as a workflow's input: plain values that Temporal's JSON converter carries in the workflow's
 * history. Public with a no-argument shape for Jackson.
 *
 * @param runId the run's id, which is the workflow's id too
 * @param taskName the registered task
 * @param userId the hash of who asked, or {@code null}
 * @param groupId the hash of their group, or {@code null}
 * @param input the run's JSON input, or {@code null}
 * @param trigger the trigger's name ({@code api}, {@code cron}, ...)
 * @param dueAt when a scheduled run was due, ISO-8601 UTC, or {@code null}
 * @param attempts how many times the run's activity may be tried when a worker is lost (at least 1); carried in
 *        the history so that a replay schedules the activity as the run did
 */
public record RunInput(String runId, String taskName, String userId, String groupId, Object input, String trigger,
        String dueAt, int attempts) {

    /**
     * The input of a run's workflow. The user and group ids go as their hashes ({@link Identity#hash} with
     * {@code hashSecret}), since the input is kept in Temporal's history and leaves with an exported one; the core
     * takes a hash for the hash it already is, so the run's record has the hashes a local run's would have.
     */
    static RunInput of(RunRequest request, String runId, int attempts, String hashSecret) {
        return new RunInput(runId, request.taskName(), Identity.hash(hashSecret, request.identity().userId()),
                Identity.hash(hashSecret, request.identity().groupId()), request.input(), request.trigger().name(),
                request.dueAt() == null ? null : request.dueAt().toString(), attempts);
    }

    /** The same input under the run id {@code id}: for a workflow started without one, its workflow id. */
    RunInput withRunId(String id) {
        return new RunInput(id, taskName, userId, groupId, input, trigger, dueAt, attempts);
    }

    /** The trigger's name; a workflow started with Temporal's own tools may give none, and has {@code temporal}. */
    String triggerName() {
        return trigger == null ? Trigger.TEMPORAL.name() : trigger;
    }

    RunRequest toRequest() {
        return new RunRequest(taskName, new Identity(userId, groupId), input, Trigger.of(triggerName()),
                dueAt == null ? null : Instant.parse(dueAt), runId);
    }
}
