-- A task's newest run is now its newest of any kind (GET /tasks' last_run): a run a plan started as another task's
-- prerequisite carries its own task's name and counts for that task. runs_task_submitted already reads a task's
-- runs newest first, so the partial indexes of V2 go; one user's runs (a token bound to a user) get the same index
-- with the user's hash in front.
DROP INDEX runs_top_task_submitted;
DROP INDEX runs_top_user_task_submitted;
CREATE INDEX runs_user_task_submitted ON runs (user_hash, task_name, submitted_at, run_id);
