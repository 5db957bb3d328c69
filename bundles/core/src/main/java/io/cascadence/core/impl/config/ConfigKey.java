package io.cascadence.core.impl.config;

import static io.cascadence.api.config.Applies.AT_START;
import static io.cascadence.api.config.Applies.LIVE;
import static io.cascadence.core.impl.config.ConfigPid.CORE;
import static io.cascadence.core.impl.config.ConfigPid.CRONYX;
import static io.cascadence.core.impl.config.ConfigPid.METRICS;
import static io.cascadence.core.impl.config.ConfigPid.SCHEDULER;
import static io.cascadence.core.impl.config.ConfigPid.TEMPORAL;
import static io.cascadence.core.impl.config.ConfigPid.TRANSPORT;
import static io.cascadence.core.impl.config.ConfigPid.WEB;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.cascadence.api.config.Applies;

/**
 * Every configuration key Cascadence knows: the PID it belongs to, whether a change applies live or at the next
 * start, its name in the cfg and YAML files, the environment variable that overrides it, its default, what it
 * accepts and what it means. This is the one place that knows them: the resolver, every report, the
 * ConfigurationPlugin that hands each bundle its effective values, and the README's tables follow it. Moving a key
 * to another PID is changing its first argument (the bundle that reads it then declares it in its own
 * {@code @ObjectClassDefinition}). The order here is the order of every report.
 */
enum ConfigKey {
    BACKEND(CORE, LIVE, "backend", "CASCADENCE_SCHEDULER", Defaults.BACKEND,
            ValueParser.oneOf("cron", "base", "dag", "temporal", "cronyx"),
            "Scheduler backend; a change applies to the next run request", "scheduler"),
    HASH_SECRET(CORE, LIVE, "hash_secret", "CASCADENCE_HASH_SECRET", Defaults.HASH_SECRET, ValueParser.text(),
            "Secret prepended to user and group ids before hashing"),
    STAGES_PATH(CORE, AT_START, "stages_path", "CASCADENCE_STAGES_PATH", Defaults.STAGES_PATH, ValueParser.path(),
            "StageStore file (relative paths are inside data/)"),
    POINTERS_PATH(CORE, AT_START, "pointers_path", "CASCADENCE_POINTERS_PATH", Defaults.POINTERS_PATH,
            ValueParser.path(), "PointerStore file (relative paths are inside data/)"),
    TASKS_PATH(CORE, AT_START, "tasks_path", "CASCADENCE_TASKS_PATH", Defaults.TASKS_PATH, ValueParser.path(),
            "TaskStore file (relative paths are inside data/)"),
    SCHEDULES_PATH(CORE, AT_START, "schedules_path", "CASCADENCE_SCHEDULES_PATH", Defaults.SCHEDULES_PATH,
            ValueParser.path(), "Cron schedule file (relative paths are inside data/)"),
    RUNS_PATH(CORE, AT_START, "runs_path", "CASCADENCE_RUNS_PATH", Defaults.RUNS_PATH, ValueParser.path(),
            "Embedded run-history database (relative paths are inside data/)"),
    HISTORY_URL(CORE, AT_START, "history_url", "CASCADENCE_HISTORY_URL", Defaults.HISTORY_URL,
            ValueParser.optionalJdbcUrl(),
            "JDBC URL of a PostgreSQL database for the run history (empty: the embedded one)"),
    HISTORY_USER(CORE, AT_START, "history_user", "CASCADENCE_HISTORY_USER", Defaults.HISTORY_USER,
            ValueParser.text(), "User for history_url"),
    HISTORY_PASSWORD(CORE, AT_START, "history_password", "CASCADENCE_HISTORY_PASSWORD", Defaults.HISTORY_PASSWORD,
            ValueParser.text(), "Password for history_url"),
    HISTORY_POOL_SIZE(CORE, AT_START, "history_pool_size", "CASCADENCE_HISTORY_POOL_SIZE",
            Defaults.HISTORY_POOL_SIZE, ValueParser.positiveInt(), "Database connections for run-history queries"),
    HISTORY_SYNC(CORE, AT_START, "history_sync", "CASCADENCE_HISTORY_SYNC", Defaults.HISTORY_SYNC,
            ValueParser.oneOf("full", "normal"),
            "Embedded database: full forces every commit to disk, normal survives a crash of Cascadence but not "
                    + "of the machine"),
    STATES_PATH(CORE, AT_START, "states_path", "CASCADENCE_STATES_PATH", Defaults.STATES_PATH, ValueParser.path(),
            "Paused and disabled tasks (relative paths are inside data/)"),
    RUN_RETENTION(CORE, AT_START, "run_retention", "CASCADENCE_RUN_RETENTION", Defaults.RUN_RETENTION,
            ValueParser.positiveInt(), "Runs kept in the history, newest first"),
    MAX_CONCURRENT_RUNS(CORE, LIVE, "max_concurrent_runs", "CASCADENCE_MAX_CONCURRENT_RUNS",
            Defaults.MAX_CONCURRENT_RUNS, ValueParser.positiveInt(),
            "Runs that execute at the same time; the rest wait in the queue"),
    RUN_QUEUE_CAPACITY(CORE, LIVE, "run_queue_capacity", "CASCADENCE_RUN_QUEUE_CAPACITY",
            Defaults.RUN_QUEUE_CAPACITY, ValueParser.nonNegativeInt(),
            "Runs that may wait for a worker; more are refused (HTTP 429)"),
    TASK_TIMEOUT(CORE, LIVE, "task_timeout", "CASCADENCE_TASK_TIMEOUT", Defaults.TASK_TIMEOUT,
            ValueParser.nonNegativeSeconds(),
            "Seconds a run may take before it is ended as timed_out (0: no limit); a task's own "
                    + "cascadence.task.timeout property wins; applies to runs started after a change"),
    TASK_TIMEOUTS(CORE, LIVE, "task_timeouts", "CASCADENCE_TASK_TIMEOUTS", Defaults.TASK_TIMEOUTS,
            ValueParser.timeouts(),
            "Timeouts of single tasks, as NAME=SECONDS, comma-separated; they win over everything else"),
    SHUTDOWN_GRACE(CORE, LIVE, "shutdown_grace", "CASCADENCE_SHUTDOWN_GRACE", Defaults.SHUTDOWN_GRACE,
            ValueParser.nonNegativeSeconds(),
            "Seconds a stop waits for runs in progress before it ends them as interrupted"),
    STAGE_RETENTION(CORE, AT_START, "stage_retention", "CASCADENCE_STAGE_RETENTION", Defaults.STAGE_RETENTION,
            ValueParser.positiveInt(), "Stage and audit events kept per task in stages.yml"),
    IDEAS_PATH(CORE, AT_START, "ideas_path", "CASCADENCE_IDEAS_PATH", Defaults.IDEAS_PATH, ValueParser.path(),
            "IdeaStore file, the ideas users send (relative paths are inside data/)"),

    SYNC_WAIT(WEB, LIVE, "sync_wait", "CASCADENCE_SYNC_WAIT", Defaults.SYNC_WAIT, ValueParser.positiveSeconds(),
            "Seconds POST /tasks/{name}/run waits for the result before it answers 202 with the run id"),
    MAX_BODY_SIZE(WEB, LIVE, "max_body_size", "CASCADENCE_MAX_BODY_SIZE", Defaults.MAX_BODY_SIZE,
            ValueParser.positiveInt(), "Largest HTTP request body read, in bytes; a larger one is refused (HTTP 413)"),
    API_TOKENS(WEB, LIVE, "api_tokens", "CASCADENCE_API_TOKENS", Defaults.API_TOKENS, ValueParser.apiTokens(),
            "API tokens, comma-separated: TOKEN, TOKEN=USER or TOKEN=USER:GROUP (a bound token is that identity); "
                    + "when set, requests in api_tokens_scope need Authorization: Bearer TOKEN (HTTP 401)"),
    API_TOKENS_SCOPE(WEB, LIVE, "api_tokens_scope", "CASCADENCE_API_TOKENS_SCOPE", Defaults.API_TOKENS_SCOPE,
            ValueParser.oneOf("writes", "all"),
            "Requests that need a token when api_tokens is set: writes (every method but GET, HEAD, OPTIONS) or all"),
    ALLOWED_HOSTS(WEB, LIVE, "allowed_hosts", "CASCADENCE_ALLOWED_HOSTS", Defaults.ALLOWED_HOSTS,
            ValueParser.hosts(),
            "Host names requests may address besides loopback and, when HTTP listens beyond loopback, this "
                    + "machine's names and addresses; others are refused (HTTP 421); * allows any"),
    CORS_ORIGINS(WEB, LIVE, "cors_origins", "CASCADENCE_CORS_ORIGINS", Defaults.CORS_ORIGINS, ValueParser.origins(),
            "Origins browsers may call the API from (CORS), comma-separated scheme://host[:port], or *"),
    WEBHOOK_PORT(WEB, LIVE, "webhook_port", "CASCADENCE_WEBHOOK_PORT", Defaults.WEBHOOK_PORT, ValueParser.port(),
            "A second HTTP port that serves only POST /webhook/{source} (0: none); it must differ from the HTTP port"),
    WEBHOOK_HOST(WEB, LIVE, "webhook_host", "CASCADENCE_WEBHOOK_HOST", Defaults.WEBHOOK_HOST, ValueParser.text(),
            "Address the webhook_port listener binds to; 0.0.0.0 serves every interface"),

    TIMEZONE(SCHEDULER, LIVE, "timezone", "CASCADENCE_TIMEZONE", Defaults.TIMEZONE, ValueParser.zone(),
            "IANA time zone for cron expressions"),

    METRICS_PORT(METRICS, LIVE, "metrics_port", "CASCADENCE_METRICS_PORT", Defaults.METRICS_PORT,
            ValueParser.port(),
            "A second port that serves /metrics (0: none; /metrics is always on the HTTP port too)"),

    // The Temporal backend applies these live: an edit reconnects its client and worker.
    TEMPORAL_SERVER(TEMPORAL, LIVE, "temporal_server", "TEMPORAL_SERVER", Defaults.TEMPORAL_SERVER,
            ValueParser.hostPort(), "Temporal frontend address host:port"),
    TEMPORAL_NAMESPACE(TEMPORAL, LIVE, "temporal_namespace", "TEMPORAL_NAMESPACE", Defaults.TEMPORAL_NAMESPACE,
            ValueParser.text(), "Temporal namespace of the workflows of runs"),
    TEMPORAL_TASK_QUEUE(TEMPORAL, LIVE, "temporal_task_queue", "CASCADENCE_TEMPORAL_TASK_QUEUE",
            Defaults.TEMPORAL_TASK_QUEUE, ValueParser.text(),
            "Task queue of runs; every installation connected to it shares its work"),
    TEMPORAL_TLS(TEMPORAL, LIVE, "temporal_tls", "TEMPORAL_TLS", Defaults.TEMPORAL_TLS, ValueParser.bool(),
            "Use TLS to reach Temporal (implied by a certificate or CA file)"),
    TEMPORAL_TLS_CERT(TEMPORAL, LIVE, "temporal_tls_cert", "TEMPORAL_TLS_CERT", Defaults.TEMPORAL_TLS_CERT,
            ValueParser.text(), "PEM client certificate for mutual TLS (with temporal_tls_key)"),
    TEMPORAL_TLS_KEY(TEMPORAL, LIVE, "temporal_tls_key", "TEMPORAL_TLS_KEY", Defaults.TEMPORAL_TLS_KEY,
            ValueParser.text(), "PEM PKCS#8 private key of temporal_tls_cert"),
    TEMPORAL_TLS_CA(TEMPORAL, LIVE, "temporal_tls_ca", "TEMPORAL_TLS_CA", Defaults.TEMPORAL_TLS_CA,
            ValueParser.text(), "PEM certificate authority of the Temporal server (empty: the JVM's)"),
    TEMPORAL_ATTEMPTS(TEMPORAL, LIVE, "temporal_attempts", "CASCADENCE_TEMPORAL_ATTEMPTS",
            Defaults.TEMPORAL_ATTEMPTS, ValueParser.positiveInt(),
            "Attempts of a run when the worker running it is lost; a task's own failure is never retried"),
    TEMPORAL_TASK_ATTEMPTS(TEMPORAL, LIVE, "temporal_task_attempts", "CASCADENCE_TEMPORAL_TASK_ATTEMPTS",
            Defaults.TEMPORAL_TASK_ATTEMPTS, ValueParser.counts(),
            "Attempts of single tasks' runs, as NAME=N, comma-separated; they win over temporal_attempts"),
    // Read by bundles that are not part of the container yet; they apply at their start until those bundles say
    // otherwise here.
    CRONYX_BASE_URL(CRONYX, AT_START, "cronyx_base_url", "CRONYX_BASE_URL", Defaults.CRONYX_BASE_URL,
            ValueParser.optionalUrl(), "Base URL of a Cronyx task server (empty: none)"),
    CRONYX_TIMEOUT(CRONYX, AT_START, "cronyx_timeout", "CRONYX_TIMEOUT", Defaults.CRONYX_TIMEOUT,
            ValueParser.positiveNumber(), "Timeout in seconds for Cronyx requests"),
    CRONYX_REFRESH(CRONYX, AT_START, "cronyx_refresh", "CASCADENCE_CRONYX_REFRESH", Defaults.CRONYX_REFRESH,
            ValueParser.bool(), "Refresh Cronyx tasks periodically"),
    // The UME bundle applies these live: an edit reconnects, or switches the transport, without a restart.
    UME_TRANSPORT(TRANSPORT, LIVE, "ume_transport", "UME_TRANSPORT", Defaults.UME_TRANSPORT,
            ValueParser.oneOf("", "grpc", "nats"), "Event transport: nats, grpc or empty for none"),
    UME_GRPC_STUB(TRANSPORT, LIVE, "ume_grpc_stub", "UME_GRPC_STUB", Defaults.UME_GRPC_STUB,
            ValueParser.text(), "gRPC target for events: host:port or a gRPC target URI (dns:///host:port)"),
    UME_GRPC_METHOD(TRANSPORT, LIVE, "ume_grpc_method", "UME_GRPC_METHOD", Defaults.UME_GRPC_METHOD,
            ValueParser.text(),
            "gRPC method events are sent to: a method of cascadence.ume.Ume (Send) or a full service/Method name"),
    UME_NATS_CONN(TRANSPORT, LIVE, "ume_nats_conn", "UME_NATS_CONN", Defaults.UME_NATS_CONN,
            ValueParser.text(), "NATS server URL(s) for events, comma-separated (empty: nats://127.0.0.1:4222)"),
    UME_NATS_SUBJECT(TRANSPORT, LIVE, "ume_nats_subject", "UME_NATS_SUBJECT", Defaults.UME_NATS_SUBJECT,
            ValueParser.text(), "NATS subject for events"),
    UME_NATS_STREAM(TRANSPORT, LIVE, "ume_nats_stream", "UME_NATS_STREAM", Defaults.UME_NATS_STREAM,
            ValueParser.text(),
            "JetStream stream for events (created on the subject when missing); empty publishes without acks"),
    UME_BUFFER(TRANSPORT, LIVE, "ume_buffer", "UME_BUFFER", Defaults.UME_BUFFER, ValueParser.positiveInt(),
            "Events kept while the transport is down; beyond it the oldest are dropped and counted"),
    UME_POINTER_SYNC(TRANSPORT, LIVE, "ume_pointer_sync", "UME_POINTER_SYNC", Defaults.UME_POINTER_SYNC,
            ValueParser.bool(), "Apply the pointer updates of other installations received on the transport"),
    UME_BROADCAST_POINTERS(TRANSPORT, LIVE, "ume_broadcast_pointers", "UME_BROADCAST_POINTERS",
            Defaults.UME_BROADCAST_POINTERS, ValueParser.bool(),
            "Re-emit pointer updates received from other instances, once each", "broadcast_pointers");

    private final ConfigPid pid;
    private final Applies applies;
    private final String key;
    private final String environmentVariable;
    private final String defaultValue;
    private final ValueParser parser;
    private final String description;
    private final List<String> aliases;

    ConfigKey(ConfigPid pid, Applies applies, String key, String environmentVariable, String defaultValue,
            ValueParser parser, String description, String... aliases) {
        this.pid = pid;
        this.applies = applies;
        this.key = key;
        this.environmentVariable = environmentVariable;
        this.defaultValue = defaultValue;
        this.parser = parser;
        this.description = description;
        this.aliases = List.of(aliases);
    }

    ConfigPid pid() {
        return pid;
    }

    Applies applies() {
        return applies;
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
        return this == HASH_SECRET || this == HISTORY_PASSWORD || this == API_TOKENS;
    }

    Object parse(String text) {
        return parser.parse(text);
    }

    /** The keys of one PID, in report order. */
    static List<ConfigKey> of(ConfigPid pid) {
        return Arrays.stream(values()).filter(k -> k.pid == pid).toList();
    }

    static Optional<ConfigKey> byName(String name) {
        return Arrays.stream(values())
                .filter(k -> k.key.equals(name) || k.aliases.contains(name))
                .findFirst();
    }
}
