package io.cascadence.api.config;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The effective configuration of every Cascadence PID: for each key, its default, overridden by the PID's
 * {@code config/<pid>.cfg}, overridden by the YAML file named by {@code CASCADENCE_CONFIG}, overridden by
 * environment variables. Each bundle receives its own PID through ConfigAdmin with these same effective values;
 * this service is the view across all of them. It always holds a valid configuration: a malformed value is
 * reported in {@link ConfigReport#problems()} and the previous value stays in force.
 */
@ProviderType
public interface CascadenceConfig {

    /** The core's PID; other bundles have their own ({@code io.cascadence.web}, ...), listed by {@link #report()}. */
    String PID = "io.cascadence";

    /** The scheduler backend: one of {@code cron}, {@code base}, {@code dag}, {@code temporal}, {@code cronyx}. */
    String backend();

    /** The time zone cron expressions are evaluated in (PID {@code io.cascadence.scheduler}). */
    ZoneId timezone();

    /** The secret prepended to user and group ids before they are hashed; empty when none is set. */
    String hashSecret();

    /** Where the StageStore keeps stage events ({@code stages.yml}). */
    Path stagesPath();

    /** Where the PointerStore keeps pointers ({@code pointers.yml}). */
    Path pointersPath();

    /** Where the TaskStore keeps tasks registered by path ({@code tasks.yml}). */
    Path tasksPath();

    /** Where the cron scheduler keeps schedules ({@code schedules.yml}). */
    Path schedulesPath();

    /** Where the embedded run-history database is kept ({@code runs.db}). */
    Path runsPath();

    /** Where paused and disabled tasks are kept ({@code task-states.yml}). */
    Path statesPath();

    /** How many runs the history keeps. */
    int runRetention();

    /** How many stage and audit events the StageStore keeps per task. */
    int stageRetention();

    /** The folder that holds state; relative store paths are resolved against it. */
    Path dataDirectory();

    /**
     * The effective value of any key of any PID in its normalised text form, if the key exists (secrets unmasked).
     * Keys are unique across PIDs, so a key that moves to another PID is still found here.
     */
    Optional<String> value(String key);

    /** Every PID with every key's effective value (secrets masked) and source, and the problems found. */
    ConfigReport report();
}
