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
 * @param userId who asked, or {@code null}
 * @param groupId their group, or {@code null}
 * @param input the run's JSON input, or {@code null}
 * @param trigger the trigger's name ({@code api}, {@code cron}, ...)
 * @param dueAt when a scheduled run was due, ISO-8601 UTC, or {@code null}
 * @param attempts how many times the run's activity may be tried when a worker is lost (at least 1); carried in
 *        the history so that a replay schedules the activity as the run did
 */
public record RunInput(String runId, String taskName, String userId, String groupId, Object input, String trigger,
        String dueAt, int attempts) {

    static RunInput of(RunRequest request, String runId, int attempts) {
        return new RunInput(runId, request.taskName(), request.identity().userId(), request.identity().groupId(),
                request.input(), request.trigger().name(), request.dueAt() == null ? null : request.dueAt().toString(),
                attempts);
    }

    RunRequest toRequest() {
        return new RunRequest(taskName, new Identity(userId, groupId), input, Trigger.of(trigger),
                dueAt == null ? null : Instant.parse(dueAt), runId);
    }
}
