package io.cascadence.core.impl.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every key of the {@code io.cascadence} configuration: its name in the cfg and YAML files, the environment
 * variable that overrides it, its default and what it accepts. The order here is the order of every report.
 */
enum ConfigKey {
    BACKEND("backend", "CASCADENCE_SCHEDULER", Defaults.BACKEND,
            ValueParser.oneOf("cron", "base", "dag", "temporal", "cronyx"),
            "Scheduler backend", "scheduler"),
    TIMEZONE("timezone", "CASCADENCE_TIMEZONE", Defaults.TIMEZONE, ValueParser.zone(),
            "IANA time zone for cron expressions"),
    HASH_SECRET("hash_secret", "CASCADENCE_HASH_SECRET", Defaults.HASH_SECRET, ValueParser.text(),
            "Secret prepended to user and group ids before hashing"),
    STAGES_PATH("stages_path", "CASCADENCE_STAGES_PATH", Defaults.STAGES_PATH, ValueParser.path(),
            "StageStore file (relative paths are inside data/)"),
    POINTERS_PATH("pointers_path", "CASCADENCE_POINTERS_PATH", Defaults.POINTERS_PATH, ValueParser.path(),
            "PointerStore file (relative paths are inside data/)"),
    TASKS_PATH("tasks_path", "CASCADENCE_TASKS_PATH", Defaults.TASKS_PATH, ValueParser.path(),
            "TaskStore file (relative paths are inside data/)"),
    SCHEDULES_PATH("schedules_path", "CASCADENCE_SCHEDULES_PATH", Defaults.SCHEDULES_PATH, ValueParser.path(),
            "Cron schedule file (relative paths are inside data/)"),
    RUNS_PATH("runs_path", "CASCADENCE_RUNS_PATH", Defaults.RUNS_PATH, ValueParser.path(),
            "Embedded run-history database (relative paths are inside data/); read at start"),
    HISTORY_URL("history_url", "CASCADENCE_HISTORY_URL", Defaults.HISTORY_URL, ValueParser.optionalJdbcUrl(),
            "JDBC URL of a PostgreSQL database for the run history (empty: the embedded one); read at start"),
    HISTORY_USER("history_user", "CASCADENCE_HISTORY_USER", Defaults.HISTORY_USER, ValueParser.text(),
            "User for history_url; read at start"),
    HISTORY_PASSWORD("history_password", "CASCADENCE_HISTORY_PASSWORD", Defaults.HISTORY_PASSWORD,
            ValueParser.text(), "Password for history_url; read at start"),
    HISTORY_POOL_SIZE("history_pool_size", "CASCADENCE_HISTORY_POOL_SIZE", Defaults.HISTORY_POOL_SIZE,
            ValueParser.positiveInt(), "Database connections for run-history queries; read at start"),
    HISTORY_SYNC("history_sync", "CASCADENCE_HISTORY_SYNC", Defaults.HISTORY_SYNC,
            ValueParser.oneOf("full", "normal"),
            "Embedded database: full forces every commit to disk, normal survives a crash of Cascadence but not "
                    + "of the machine; read at start"),
    STATES_PATH("states_path", "CASCADENCE_STATES_PATH", Defaults.STATES_PATH, ValueParser.path(),
            "Paused and disabled tasks (relative paths are inside data/); read at start"),
    RUN_RETENTION("run_retention", "CASCADENCE_RUN_RETENTION", Defaults.RUN_RETENTION, ValueParser.positiveInt(),
            "Runs kept in the history, newest first; read at start"),
    MAX_CONCURRENT_RUNS("max_concurrent_runs", "CASCADENCE_MAX_CONCURRENT_RUNS", Defaults.MAX_CONCURRENT_RUNS,
            ValueParser.positiveInt(), "Runs that execute at the same time; the rest wait in the queue"),
    RUN_QUEUE_CAPACITY("run_queue_capacity", "CASCADENCE_RUN_QUEUE_CAPACITY", Defaults.RUN_QUEUE_CAPACITY,
            ValueParser.nonNegativeInt(), "Runs that may wait for a worker; more are refused (HTTP 429)"),
    TASK_TIMEOUT("task_timeout", "CASCADENCE_TASK_TIMEOUT", Defaults.TASK_TIMEOUT, ValueParser.nonNegativeSeconds(),
            "Seconds a run may take before it is ended as timed_out (0: no limit); a task's own "
                    + "cascadence.task.timeout property wins"),
    TASK_TIMEOUTS("task_timeouts", "CASCADENCE_TASK_TIMEOUTS", Defaults.TASK_TIMEOUTS, ValueParser.timeouts(),
            "Timeouts of single tasks, as NAME=SECONDS, comma-separated; they win over everything else"),
    SHUTDOWN_GRACE("shutdown_grace", "CASCADENCE_SHUTDOWN_GRACE", Defaults.SHUTDOWN_GRACE,
            ValueParser.nonNegativeSeconds(),
            "Seconds a stop waits for runs in progress before it ends them as interrupted"),
    SYNC_WAIT("sync_wait", "CASCADENCE_SYNC_WAIT", Defaults.SYNC_WAIT, ValueParser.positiveSeconds(),
            "Seconds POST /tasks/{name}/run waits for the result before it answers 202 with the run id"),
    STAGE_RETENTION("stage_retention", "CASCADENCE_STAGE_RETENTION", Defaults.STAGE_RETENTION,
            ValueParser.positiveInt(), "Stage and audit events kept per task in stages.yml; read at start"),
    TEMPORAL_SERVER("temporal_server", "TEMPORAL_SERVER", Defaults.TEMPORAL_SERVER, ValueParser.text(),
            "Temporal frontend address host:port"),
    CRONYX_BASE_URL("cronyx_base_url", "CRONYX_BASE_URL", Defaults.CRONYX_BASE_URL, ValueParser.optionalUrl(),
            "Base URL of a Cronyx task server (empty: none)"),
    CRONYX_TIMEOUT("cronyx_timeout", "CRONYX_TIMEOUT", Defaults.CRONYX_TIMEOUT, ValueParser.positiveSeconds(),
            "Timeout in seconds for Cronyx requests"),
    CRONYX_REFRESH("cronyx_refresh", "CASCADENCE_CRONYX_REFRESH", Defaults.CRONYX_REFRESH, ValueParser.bool(),
            "Refresh Cronyx tasks periodically"),
    UME_TRANSPORT("ume_transport", "UME_TRANSPORT", Defaults.UME_TRANSPORT, ValueParser.oneOf("", "grpc", "nats"),
            "Event transport: nats, grpc or empty for none"),
    UME_GRPC_STUB("ume_grpc_stub", "UME_GRPC_STUB", Defaults.UME_GRPC_STUB, ValueParser.text(),
            "gRPC target for events"),
    UME_GRPC_METHOD("ume_grpc_method", "UME_GRPC_METHOD", Defaults.UME_GRPC_METHOD, ValueParser.text(),
            "gRPC method for events"),
    UME_NATS_CONN("ume_nats_conn", "UME_NATS_CONN", Defaults.UME_NATS_CONN, ValueParser.text(),
            "NATS server URL for events"),
    UME_NATS_SUBJECT("ume_nats_subject", "UME_NATS_SUBJECT", Defaults.UME_NATS_SUBJECT, ValueParser.text(),
            "NATS subject for events"),
    UME_BROADCAST_POINTERS("ume_broadcast_pointers", "UME_BROADCAST_POINTERS", Defaults.UME_BROADCAST_POINTERS,
            ValueParser.bool(), "Re-emit pointer updates received from other instances", "broadcast_pointers");

    private final String key;
    private final String environmentVariable;
    private final String defaultValue;
    private final ValueParser parser;
    private final String description;
    private final List<String> aliases;

    ConfigKey(String key, String environmentVariable, String defaultValue, ValueParser parser, String description,
            String... aliases) {
        this.key = key;
        this.environmentVariable = environmentVariable;
        this.defaultValue = defaultValue;
        this.parser = parser;
        this.description = description;
        this.aliases = List.of(aliases);
    }

    String key() {
        return key;
    }

    String environmentVariable() {
        return environmentVariable;
    }

    String defaultValue() {
        return defaultValue;
    }

    String description() {
        return description;
    }

    /** Older or README spellings of the key that files may still use; the key itself wins over them. */
    List<String> aliases() {
        return aliases;
    }

    boolean secret() {
        return this == HASH_SECRET || this == HISTORY_PASSWORD;
    }

    Object parse(String text) {
        return parser.parse(text);
    }

    static Optional<ConfigKey> byName(String name) {
        return Arrays.stream(values())
                .filter(k -> k.key.equals(name) || k.aliases.contains(name))
                .findFirst();
    }
}
