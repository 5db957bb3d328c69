package io.cascadence.core.impl.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import io.cascadence.api.RunRecord;
import io.cascadence.api.RunRecord.StageRecord;

/** The writes of the run history, each in one transaction. */
final class RunWrites implements GroupCommitWriter.Target {

    private final DataSource pool;
    private final Retention retention;

    RunWrites(DataSource pool, Retention retention) {
        this.pool = pool;
        this.retention = retention;
    }

    @Override
    public void write(List<RunRecord> saves, Collection<RunRecord> updates) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                batch(connection, RunRows.UPSERT, saves);
                batch(connection, RunRows.UPSERT_UNLESS_ENDED, updates);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollBack(connection, e);
                throw e;
            }
        }
    }

    @Override
    public void afterBatch(int written) {
        retention.written(written);
    }

    /** Inserts the records that are not there yet, all or none. */
    int insertAbsent(List<RunRecord> records) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int inserted = batch(connection, RunRows.INSERT_IF_ABSENT, records);
                connection.commit();
                return inserted;
            } catch (SQLException | RuntimeException e) {
                rollBack(connection, e);
                throw e;
            }
        }
    }

    /**
     * Ends every queued or running record as interrupted: the reason as its error, the stage that was in progress
     * (if any) as its failed stage, and that stage closed as an error too.
     */
    int interruptUnfinished(String reason, Instant at) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<RunRecord> ended = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement("SELECT " + RunRows.COLUMNS
                        + " FROM runs WHERE status IN ('" + RunRecord.QUEUED + "', '" + RunRecord.RUNNING + "')");
                        ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ended.add(interrupted(RunRows.read(rows), reason, at));
                    }
                }
                batch(connection, RunRows.UPSERT, ended);
                connection.commit();
                return ended.size();
            } catch (SQLException | RuntimeException e) {
                rollBack(connection, e);
                throw e;
            }
        }
    }

    private static RunRecord interrupted(RunRecord run, String reason, Instant at) {
        List<StageRecord> stages = new ArrayList<>(run.stages());
        String inProgress = run.failedStage();
        for (int i = stages.size() - 1; i >= 0; i--) {
            StageRecord stage = stages.get(i);
            if (stage.finishedAt() == null) {
                inProgress = stage.stage();
                stages.set(i, new StageRecord(stage.stage(), RunRecord.ERROR, stage.startedAt(), at, reason));
                break;
            }
        }
        return new RunRecord(run.runId(), run.taskName(), run.parentRunId(), run.trigger(), RunRecord.INTERRUPTED,
                run.submittedAt(), run.startedAt(), at, run.dueAt(), run.userHash(), run.groupHash(), run.input(),
                run.result(), reason, inProgress, stages);
    }

    private static int batch(Connection connection, String sql, Collection<RunRecord> records) throws SQLException {
        if (records.isEmpty()) {
            return 0;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (RunRecord record : records) {
                RunRows.bind(statement, record);
                statement.addBatch();
            }
            int changed = 0;
            for (int count : statement.executeBatch()) {
                changed += Math.max(count, 0);
            }
            return changed;
        }
    }

    private static void rollBack(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e); // the connection is broken; the pool will drop it
        }
    }
}
