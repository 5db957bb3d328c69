package io.cascadence.core.impl.history;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

import io.cascadence.api.RunRecord;

/** The one mapping between a {@link RunRecord} and a row of {@code runs}. */
final class RunRows {

    /** Every column, in the order {@link #bind} sets them and {@link #read} expects them. */
    static final String COLUMNS = "run_id, task_name, parent_run_id, plan_index, trigger_name, status, submitted_at, "
            + "started_at, finished_at, due_at, user_hash, group_hash, input, result, error, failed_stage, stages";

    private static final String PLACEHOLDERS = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";
    private static final String UPDATES = "task_name = excluded.task_name, parent_run_id = excluded.parent_run_id, "
            + "plan_index = excluded.plan_index, trigger_name = excluded.trigger_name, status = excluded.status, "
            + "submitted_at = excluded.submitted_at, started_at = excluded.started_at, "
            + "finished_at = excluded.finished_at, due_at = excluded.due_at, user_hash = excluded.user_hash, "
            + "group_hash = excluded.group_hash, input = excluded.input, result = excluded.result, "
            + "error = excluded.error, failed_stage = excluded.failed_stage, stages = excluded.stages";

    /** Inserts a run or replaces it wholesale (SQLite and PostgreSQL share this upsert). */
    static final String UPSERT = "INSERT INTO runs (" + COLUMNS + ") VALUES (" + PLACEHOLDERS + ") "
            + "ON CONFLICT (run_id) DO UPDATE SET " + UPDATES;

    /**
     * Like {@link #UPSERT}, but leaves a run that has ended alone: a stage-timeline update that arrives after the
     * run's final record must not turn it back into a running one.
     */
    static final String UPSERT_UNLESS_ENDED = UPSERT + " WHERE runs.status IN ('" + RunRecord.QUEUED + "', '"
            + RunRecord.RUNNING + "')";

    /** Inserts a run unless one with its id is there (importing, where what is stored is never older). */
    static final String INSERT_IF_ABSENT = "INSERT INTO runs (" + COLUMNS + ") VALUES (" + PLACEHOLDERS + ") "
            + "ON CONFLICT (run_id) DO NOTHING";

    private RunRows() {
    }

    static void bind(PreparedStatement statement, RunRecord record) throws SQLException {
        statement.setString(1, record.runId());
        statement.setString(2, record.taskName());
        statement.setString(3, record.parentRunId());
        setLong(statement, 4, record.parentRunId() == null ? null : placeInPlan(record.runId()));
        statement.setString(5, record.trigger());
        statement.setString(6, record.status());
        // A record always has a submission time once accepted; one that lacks it (an old runs.json) uses its start.
        Instant submitted = record.submittedAt() != null ? record.submittedAt() : record.startedAt();
        setLong(statement, 7, EpochMicros.of(submitted != null ? submitted : Instant.EPOCH));
        setLong(statement, 8, EpochMicros.of(record.startedAt()));
        setLong(statement, 9, EpochMicros.of(record.finishedAt()));
        setLong(statement, 10, EpochMicros.of(record.dueAt()));
        statement.setString(11, record.userHash());
        statement.setString(12, record.groupHash());
        statement.setString(13, record.input());
        statement.setString(14, record.result());
        statement.setString(15, record.error());
        statement.setString(16, record.failedStage());
        statement.setString(17, StagesJson.write(record.stages()));
    }

    /** The record of the current row of a {@code SELECT} of {@link #COLUMNS}. */
    static RunRecord read(ResultSet row) throws SQLException {
        return new RunRecord(row.getString(1), row.getString(2), row.getString(3), row.getString(5),
                row.getString(6), time(row, 7), time(row, 8), time(row, 9), time(row, 10), row.getString(11),
                row.getString(12), row.getString(13), row.getString(14), row.getString(15), row.getString(16),
                StagesJson.read(row.getString(17)));
    }

    /** A nested run's N in {@code parent.N}: its place in the parent's plan, whatever order they ran in. */
    static Long placeInPlan(String runId) {
        try {
            return Long.parseLong(runId.substring(runId.lastIndexOf('.') + 1));
        } catch (NumberFormatException e) {
            return null; // not of the parent.N form: listed after the numbered ones
        }
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static Instant time(ResultSet row, int column) throws SQLException {
        long micros = row.getLong(column);
        return row.wasNull() ? null : EpochMicros.toInstant(micros);
    }
}
