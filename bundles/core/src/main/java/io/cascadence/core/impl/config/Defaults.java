package io.cascadence.core.impl.config;

/** Default values, shared by the resolver and the metatype description so the two cannot drift apart. */
final class Defaults {
    static final String BACKEND = "cron";
    static final String TIMEZONE = "UTC";
    static final String HASH_SECRET = "";
    static final String STAGES_PATH = "stages.yml";
    static final String POINTERS_PATH = "pointers.yml";
    static final String TASKS_PATH = "tasks.yml";
    static final String SCHEDULES_PATH = "schedules.yml";
    static final String RUNS_PATH = "runs.db";
    static final String STATES_PATH = "task-states.yml";
    static final String RUN_RETENTION = "1000000";
    static final String HISTORY_URL = "";
    static final String HISTORY_USER = "";
    static final String HISTORY_PASSWORD = "";
    static final String HISTORY_POOL_SIZE = "4";
    static final String HISTORY_SYNC = "full";
    static final String MAX_CONCURRENT_RUNS = "32";
    static final String RUN_QUEUE_CAPACITY = "1000";
    static final String TASK_TIMEOUT = "0";
    static final String TASK_TIMEOUTS = "";
    static final String SHUTDOWN_GRACE = "10";
    static final String SYNC_WAIT = "30";
    static final String MAX_BODY_SIZE = "1048576";
    static final String API_TOKENS = "";
    static final String API_TOKENS_SCOPE = "writes";
    static final String ALLOWED_HOSTS = "";
    static final String CORS_ORIGINS = "";
    static final String WEBHOOK_PORT = "0";
    static final String WEBHOOK_HOST = "0.0.0.0";
    static final String STAGE_RETENTION = "1000";
    static final String METRICS_PORT = "0";
    static final String IDEAS_PATH = "ideas.yml";
    static final String TEMPORAL_SERVER = "localhost:7233";
    static final String TEMPORAL_NAMESPACE = "default";
    static final String TEMPORAL_TASK_QUEUE = "cascadence";
    static final String TEMPORAL_TLS = "false";
    static final String TEMPORAL_TLS_CERT = "";
    static final String TEMPORAL_TLS_KEY = "";
    static final String TEMPORAL_TLS_CA = "";
    static final String TEMPORAL_ATTEMPTS = "3";
    static final String TEMPORAL_TASK_ATTEMPTS = "";
    static final String CRONYX_BASE_URL = "";
    static final String CRONYX_TIMEOUT = "5.0";
    static final String CRONYX_REFRESH = "true";
    static final String UME_TRANSPORT = "";
    static final String UME_GRPC_STUB = "";
    static final String UME_GRPC_METHOD = "Send";
    static final String UME_NATS_CONN = "";
    static final String UME_NATS_SUBJECT = "events";
    static final String UME_NATS_STREAM = "";
    static final String UME_BUFFER = "10000";
    static final String UME_POINTER_SYNC = "false";
    static final String UME_BROADCAST_POINTERS = "false";

    private Defaults() {
    }
}
