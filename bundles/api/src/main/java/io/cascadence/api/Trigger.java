package io.cascadence.api;

import java.util.regex.Pattern;

/**
 * What asked for a run: recorded with it and shown in its record, so that a user can tell a cron fire from a
 * REST call. The constants are the triggers Cascadence itself uses; a backend or plugin may name its own.
 *
 * @param name 1 to 32 lower-case letters, digits, {@code _} or {@code -}, starting with a letter
 */
public record Trigger(String name) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    /** {@code POST /tasks/{name}/run} or {@code run-async}. */
    public static final Trigger API = new Trigger("api");
    /** {@code bin/task run}. */
    public static final Trigger CLI = new Trigger("cli");
    /** The Gogo command {@code task:run}. */
    public static final Trigger SHELL = new Trigger("shell");
    /** A cron schedule fired; the request carries the due time. */
    public static final Trigger CRON = new Trigger("cron");
    /** A task graph ran this task because a task depending on it was run. */
    public static final Trigger DEPENDENCY = new Trigger("dependency");
    /** A webhook delivery; the request's input is the delivery. */
    public static final Trigger WEBHOOK = new Trigger("webhook");
    /** A Temporal worker executing a workflow. */
    public static final Trigger TEMPORAL = new Trigger("temporal");
    /** A remote task server (Cronyx). */
    public static final Trigger REMOTE = new Trigger("remote");

    /** @throws InvalidRequestException when the name is not of the accepted form */
    public Trigger {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidRequestException("trigger '" + name + "' is not valid: expected 1 to 32 lower-case "
                    + "letters, digits, '_' or '-', starting with a letter");
        }
    }

    /** The trigger named {@code name}. */
    public static Trigger of(String name) {
        return new Trigger(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
