package io.cascadence.core.impl.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The metatype description of PID {@code io.cascadence}, for tools that edit configuration. Method names use
 * {@code __} because DS maps a single {@code _} to a dot and the keys keep the original's underscores.
 * Defaults come from {@link Defaults}, which the resolver uses too.
 */
@ObjectClassDefinition(id = "io.cascadence", name = "Cascadence",
        description = "Core settings. Environment variables and the CASCADENCE_CONFIG YAML file override them.")
@interface CascadenceConfiguration {

    @AttributeDefinition(description = "Scheduler backend: cron, base, dag, temporal or cronyx (env CASCADENCE_SCHEDULER)")
    String backend() default Defaults.BACKEND;

    @AttributeDefinition(description = "IANA time zone for cron expressions (env CASCADENCE_TIMEZONE)")
    String timezone() default Defaults.TIMEZONE;

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

    @AttributeDefinition(description = "Run history file, relative to data/ (env CASCADENCE_RUNS_PATH)")
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

    @AttributeDefinition(description = "Seconds a synchronous run request waits before 202 (env CASCADENCE_SYNC_WAIT)")
    String sync__wait() default Defaults.SYNC_WAIT;

    @AttributeDefinition(description = "Stage events kept per task (env CASCADENCE_STAGE_RETENTION)")
    String stage__retention() default Defaults.STAGE_RETENTION;

    @AttributeDefinition(description = "Temporal frontend host:port (env TEMPORAL_SERVER)")
    String temporal__server() default Defaults.TEMPORAL_SERVER;

    @AttributeDefinition(required = false, description = "Cronyx task server URL (env CRONYX_BASE_URL)")
    String cronyx__base__url() default Defaults.CRONYX_BASE_URL;

    @AttributeDefinition(description = "Cronyx request timeout in seconds (env CRONYX_TIMEOUT)")
    String cronyx__timeout() default Defaults.CRONYX_TIMEOUT;

    @AttributeDefinition(description = "Refresh Cronyx tasks periodically (env CASCADENCE_CRONYX_REFRESH)")
    String cronyx__refresh() default Defaults.CRONYX_REFRESH;

    @AttributeDefinition(required = false, description = "Event transport: nats, grpc or empty (env UME_TRANSPORT)")
    String ume__transport() default Defaults.UME_TRANSPORT;

    @AttributeDefinition(required = false, description = "gRPC target for events (env UME_GRPC_STUB)")
    String ume__grpc__stub() default Defaults.UME_GRPC_STUB;

    @AttributeDefinition(description = "gRPC method for events (env UME_GRPC_METHOD)")
    String ume__grpc__method() default Defaults.UME_GRPC_METHOD;

    @AttributeDefinition(required = false, description = "NATS server URL for events (env UME_NATS_CONN)")
    String ume__nats__conn() default Defaults.UME_NATS_CONN;

    @AttributeDefinition(description = "NATS subject for events (env UME_NATS_SUBJECT)")
    String ume__nats__subject() default Defaults.UME_NATS_SUBJECT;

    @AttributeDefinition(description = "Re-emit received pointer updates (env UME_BROADCAST_POINTERS)")
    String ume__broadcast__pointers() default Defaults.UME_BROADCAST_POINTERS;
}
