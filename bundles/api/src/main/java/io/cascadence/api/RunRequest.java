package io.cascadence.api;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A request to run a task: the one shape in which every trigger asks for a run (REST, shell, command line, cron,
 * task graphs, webhooks, Temporal, remote task servers). It is immutable; the {@code with...} methods return
 * changed copies.
 *
 * @param taskName the name the task is registered under
 * @param identity who the run is for; {@link Identity#ANONYMOUS} when nobody said (never {@code null})
 * @param input the run's input, JSON-like: maps with string keys, lists, strings, numbers, booleans and
 *        {@code null}, kept as an unmodifiable deep copy; the task's stages see it as {@link RunContext#input()}
 * @param trigger what asked for the run
 * @param dueAt for a scheduled fire, when it was due (UTC instant), else {@code null}
 * @param runId the id the run is to have, or {@code null} for a new random UUID; a backend that has ids of its
 *        own (a Temporal workflow id) passes it so both sides name the run alike. 1 to 128 characters from
 *        letters, digits and {@code - _ : @}, no dots (dots separate nested runs' ids)
 */
public record RunRequest(String taskName, Identity identity, Object input, Trigger trigger, Instant dueAt,
        String runId) {

    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9_:@-]{1,128}");

    /**
     * @throws InvalidRequestException when the task name or trigger is missing, the input is not JSON-like or the
     *         run id is not of the accepted form
     */
    public RunRequest {
        if (taskName == null || taskName.isBlank()) {
            throw new InvalidRequestException("a run request needs a task name");
        }
        if (trigger == null) {
            throw new InvalidRequestException("a run request needs a trigger");
        }
        identity = identity == null ? Identity.ANONYMOUS : identity;
        input = JsonValues.copyOf(input);
        if (runId != null && !RUN_ID.matcher(runId).matches()) {
            throw new InvalidRequestException("run id '" + runId + "' is not valid: expected 1 to 128 letters, "
                    + "digits, '-', '_', ':' or '@'");
        }
    }

    /** A request to run {@code taskName}, for nobody in particular, without input. */
    public static RunRequest of(String taskName, Trigger trigger) {
        return new RunRequest(taskName, Identity.ANONYMOUS, null, trigger, null, null);
    }

    public RunRequest withIdentity(Identity value) {
        return new RunRequest(taskName, value, input, trigger, dueAt, runId);
    }

    public RunRequest withInput(Object value) {
        return new RunRequest(taskName, identity, value, trigger, dueAt, runId);
    }

    public RunRequest withDueAt(Instant value) {
        return new RunRequest(taskName, identity, input, trigger, value, runId);
    }

    public RunRequest withRunId(String value) {
        return new RunRequest(taskName, identity, input, trigger, dueAt, value);
    }

    public RunRequest withTrigger(Trigger value) {
        return new RunRequest(taskName, identity, input, Objects.requireNonNull(value, "trigger"), dueAt, runId);
    }
}
