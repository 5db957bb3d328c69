-- One row per run, nested runs included. Times are UTC epoch microseconds. The same script runs on SQLite and
-- PostgreSQL (in its own schema), so it sticks to what both understand.
CREATE TABLE runs (
    run_id        VARCHAR(255) NOT NULL PRIMARY KEY,
    task_name     VARCHAR(512) NOT NULL,
    parent_run_id VARCHAR(255),
    plan_index    BIGINT,
    trigger_name  VARCHAR(64),
    status        VARCHAR(32)  NOT NULL,
    submitted_at  BIGINT       NOT NULL,
    started_at    BIGINT,
    finished_at   BIGINT,
    due_at        BIGINT,
    user_hash     VARCHAR(128),
    group_hash    VARCHAR(128),
    input         TEXT,
    result        TEXT,
    error         TEXT,
    failed_stage  VARCHAR(64),
    stages        TEXT         NOT NULL
);

-- A task's page, newest first: the index is read backwards and stops after the page.
CREATE INDEX runs_task_submitted ON runs (task_name, submitted_at, run_id);
CREATE INDEX runs_submitted ON runs (submitted_at, run_id);
CREATE INDEX runs_status ON runs (status);
CREATE INDEX runs_trigger ON runs (trigger_name);
-- A run's nested runs in plan order.
CREATE INDEX runs_parent ON runs (parent_run_id, plan_index);
