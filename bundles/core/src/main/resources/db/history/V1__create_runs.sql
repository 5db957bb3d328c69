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

-- Pages are newest first: each list has an index in that order (read backwards), so the database stops after the
-- page instead of sorting every match. A task's runs, all runs, runs in one status, runs of one trigger:
CREATE INDEX runs_task_submitted ON runs (task_name, submitted_at, run_id);
CREATE INDEX runs_submitted ON runs (submitted_at, run_id);
CREATE INDEX runs_status ON runs (status, submitted_at, run_id);
CREATE INDEX runs_trigger ON runs (trigger_name, submitted_at, run_id);
-- A run's nested runs in plan order. Partial, so that it holds nested runs only and a query for top-level runs
-- (parent_run_id IS NULL: nearly every row) is never planned through it.
CREATE INDEX runs_parent ON runs (parent_run_id, plan_index) WHERE parent_run_id IS NOT NULL;
