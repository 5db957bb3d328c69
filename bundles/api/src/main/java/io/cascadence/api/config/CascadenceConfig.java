package io.cascadence.api.config;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The effective configuration under PID {@code io.cascadence}: defaults, overridden by
 * {@code config/io.cascadence.cfg}, overridden by the YAML file named by {@code CASCADENCE_CONFIG}, overridden by
 * environment variables. The service always holds a valid configuration: a malformed value is reported in
 * {@link ConfigReport#problems()} and the previous value stays in force.
 */
@ProviderType
public interface CascadenceConfig {

    /** The PID this configuration is read from. */
    String PID = "io.cascadence";

    /** The scheduler backend: one of {@code cron}, {@code base}, {@code dag}, {@code temporal}, {@code cronyx}. */
    String backend();

    /** The time zone cron expressions are evaluated in. */
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

    /** The effective value of any key as text, if it has one (secrets unmasked). */
    Optional<String> value(String key);

    /** Every key with its effective value (secrets masked), its source, and the problems found. */
    ConfigReport report();
}
