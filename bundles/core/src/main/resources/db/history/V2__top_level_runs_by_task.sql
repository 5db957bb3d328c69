-- The newest top-level run of each task (GET /tasks): one backwards step into each task's entries. Partial, so
-- that a task's nested runs (prerequisite runs carry their own task's name) are never walked past; the second
-- index does the same for one user's runs (a token bound to a user). Both read only top-level runs, nearly every
-- row, so they cost an insert what runs_task_submitted does.
CREATE INDEX runs_top_task_submitted ON runs (task_name, submitted_at, run_id) WHERE parent_run_id IS NULL;
CREATE INDEX runs_top_user_task_submitted ON runs (user_hash, task_name, submitted_at, run_id)
    WHERE parent_run_id IS NULL;
