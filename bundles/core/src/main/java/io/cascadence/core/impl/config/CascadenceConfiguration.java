package io.cascadence.core.impl.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The metatype description of the core's PID {@code io.cascadence}, for tools that edit configuration; the keys of
 * the other PIDs are described by the bundles that read them. Method names use {@code __} because DS maps a single
 * {@code _} to a dot and the keys keep the original's underscores. Defaults come from {@link Defaults}, which the
 * resolver uses too; {@link ConfigKey} is what the core actually resolves.
 */
@ObjectClassDefinition(id = "io.cascadence", name = "Cascadence core",
        description = "Core settings. Environment variables and the CASCADENCE_CONFIG YAML file override them.")
@interface CascadenceConfiguration {

    @AttributeDefinition(description = "Scheduler backend: cron, base, dag, temporal or cronyx (env CASCADENCE_SCHEDULER)")
    String backend() default Defaults.BACKEND;


    @AttributeDefinition(type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD,
            description = "Secret prepended to ids before hashing (env CASCADENCE_HASH_SECRET)")
    String hash__secret() default Defaults.HASH_SECRET;

    @AttributeDefinition(description = "StageStore file, relative to data/ (env CASCADENCE_STAGES_PATH)")
    String stages__path() default Defaults.STAGES_PATH;

    @AttributeDefinition(description = "PointerStore file, relative to data/ (env CASCADENCE_POINTERS_PATH)")
    String pointers__path() default Defaults.POINTERS_PATH;

    @AttributeDefinition(description = "TaskStore file, relative to data/ (env CASCADENCE_TASKS_PATH)")
    String tasks__path() default Defaults.TASKS_PATH;

    @AttributeDefinition(description = "Cron schedules file, relative to data/ (env CASCADENCE_SCHEDULES_PATH)")
    String schedules__path() default Defaults.SCHEDULES_PATH;

    @AttributeDefinition(description = "Embedded run-history database (SQLite), relative to data/; read at start "
            + "(env CASCADENCE_RUNS_PATH)")
    String runs__path() default Defaults.RUNS_PATH;

    @AttributeDefinition(description = "Paused and disabled tasks, relative to data/ (env CASCADENCE_STATES_PATH)")
    String states__path() default Defaults.STATES_PATH;

    @AttributeDefinition(description = "Runs kept in the history (env CASCADENCE_RUN_RETENTION)")
    String run__retention() default Defaults.RUN_RETENTION;

    @AttributeDefinition(required = false,
            description = "PostgreSQL JDBC URL for the run history; empty for the embedded one (env CASCADENCE_HISTORY_URL)")
    String history__url() default Defaults.HISTORY_URL;

    @AttributeDefinition(required = false, description = "User for history_url (env CASCADENCE_HISTORY_USER)")
    String history__user() default Defaults.HISTORY_USER;

    @AttributeDefinition(required = false, type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD,
            description = "Password for history_url (env CASCADENCE_HISTORY_PASSWORD)")
    String history__password() default Defaults.HISTORY_PASSWORD;

    @AttributeDefinition(description = "Run-history query connections (env CASCADENCE_HISTORY_POOL_SIZE)")
    String history__pool__size() default Defaults.HISTORY_POOL_SIZE;

    @AttributeDefinition(description = "Embedded database commits: full or normal (env CASCADENCE_HISTORY_SYNC)")
    String history__sync() default Defaults.HISTORY_SYNC;

    @AttributeDefinition(description = "Runs executing at once (env CASCADENCE_MAX_CONCURRENT_RUNS)")
    String max__concurrent__runs() default Defaults.MAX_CONCURRENT_RUNS;

    @AttributeDefinition(description = "Runs that may wait for a worker (env CASCADENCE_RUN_QUEUE_CAPACITY)")
    String run__queue__capacity() default Defaults.RUN_QUEUE_CAPACITY;

    @AttributeDefinition(description = "Seconds a run may take, 0 for no limit (env CASCADENCE_TASK_TIMEOUT)")
    String task__timeout() default Defaults.TASK_TIMEOUT;

    @AttributeDefinition(required = false, description = "NAME=SECONDS per task (env CASCADENCE_TASK_TIMEOUTS)")
    String task__timeouts() default Defaults.TASK_TIMEOUTS;

    @AttributeDefinition(description = "Seconds a stop waits for runs in progress (env CASCADENCE_SHUTDOWN_GRACE)")
    String shutdown__grace() default Defaults.SHUTDOWN_GRACE;

    @AttributeDefinition(description = "Stage events kept per task (env CASCADENCE_STAGE_RETENTION)")
    String stage__retention() default Defaults.STAGE_RETENTION;

    @AttributeDefinition(description = "IdeaStore file, relative to data/ (env CASCADENCE_IDEAS_PATH)")
    String ideas__path() default Defaults.IDEAS_PATH;










}
