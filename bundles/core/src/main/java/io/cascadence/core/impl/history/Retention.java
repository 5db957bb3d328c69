package io.cascadence.core.impl.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the history to its retention, oldest submitted first, nested runs counted. Counting a large table costs a
 * scan (tens of ms at a million rows), so the writer keeps an upper estimate (the last count plus every record
 * written since, updates included) and counts only when the estimate is over the retention and another
 * hundredth of it (1 to 10,000 records) has been written. The excess is deleted {@link #DELETE_BATCH} rows per
 * transaction, one transaction per batch the writer writes, so that a large backlog never holds the writer up
 * for long. Between checks the table may hold up to a hundredth more than the retention.
 */
final class Retention {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    static final int DELETE_BATCH = 1_000;
    private static final String DELETE_OLDEST = "DELETE FROM runs WHERE run_id IN "
            + "(SELECT run_id FROM runs ORDER BY submitted_at, run_id LIMIT ?)";

    private final DataSource pool;
    private final String database;
    private final int keep;
    private final int checkEvery;
    private long estimate;
    private long writtenSinceCheck;
    private long excess;

    Retention(DataSource pool, String database, int keep) {
        this.pool = pool;
        this.database = database;
        this.keep = keep;
        this.checkEvery = Math.max(1, Math.min(10_000, keep / 100));
    }

    /** Deletes everything beyond the retention now (at start, before the writer runs). */
    void trimAll() throws SQLException {
        estimate = count(pool);
        excess = estimate - keep;
        long deleted = 0;
        while (excess > 0) {
            deleted += deleteBatch();
        }
        if (deleted > 0) {
            LOG.info("Run history {}: deleted the {} oldest runs beyond the retention of {}", database, deleted,
                    keep);
        }
    }

    /** Told by the writer after each batch; trims one batch when due. Never throws: it retries later. */
    void written(int records) {
        writtenSinceCheck += records;
        estimate += records;
        try {
            if (excess <= 0 && estimate > keep && writtenSinceCheck >= checkEvery) {
                writtenSinceCheck = 0;
                estimate = count(pool);
                excess = estimate - keep;
            }
            if (excess > 0) {
                deleteBatch();
            }
        } catch (SQLException e) {
            LOG.warn("Run history {}: cannot delete runs beyond the retention ({}); will retry", database,
                    e.getMessage());
            excess = 0;
        }
    }

    private long deleteBatch() throws SQLException {
        int rows = (int) Math.min(excess, DELETE_BATCH);
        try (Connection connection = pool.getConnection();
                PreparedStatement delete = connection.prepareStatement(DELETE_OLDEST)) {
            delete.setInt(1, rows);
            int deleted = delete.executeUpdate();
            excess = deleted < rows ? 0 : excess - deleted;
            estimate -= deleted;
            return deleted;
        }
    }

    static long count(DataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM runs")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
