package io.cascadence.core.impl.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

import javax.sql.DataSource;

import io.cascadence.api.RunQuery;
import io.cascadence.api.RunRecord;

/** The reads of the run history: filtered, ordered and paged by the database, never in memory. */
final class RunQueries {

    private static final String SELECT = "SELECT " + RunRows.COLUMNS + " FROM runs ";

    private final DataSource pool;
    private final String database;

    RunQueries(DataSource pool, String database) {
        this.pool = pool;
        this.database = database;
    }

    Optional<RunRecord> find(String runId) {
        List<RunRecord> found = list(SELECT + "WHERE run_id = ?", List.of(runId));
        return found.stream().findFirst();
    }

    /**
     * Top-level runs (nested ones too when the query asks), newest submitted first, the run id breaking ties so
     * that pages never overlap.
     */
    List<RunRecord> query(RunQuery query) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (!query.nested()) {
            conditions.add("parent_run_id IS NULL");
        }
        if (query.taskName() != null) {
            conditions.add("task_name = ?");
            parameters.add(query.taskName());
        }
        if (!query.statuses().isEmpty()) {
            conditions.add("status IN (" + "?, ".repeat(query.statuses().size() - 1) + "?)");
            parameters.addAll(new TreeSet<>(query.statuses()));
        }
        if (query.trigger() != null) {
            conditions.add("trigger_name = ?");
            parameters.add(query.trigger());
        }
        if (query.userHash() != null) {
            conditions.add("user_hash = ?");
            parameters.add(query.userHash());
        }
        if (query.since() != null) {
            conditions.add("submitted_at >= ?");
            parameters.add(EpochMicros.of(query.since()));
        }
        if (query.until() != null) {
            conditions.add("submitted_at < ?");
            parameters.add(EpochMicros.of(query.until()));
        }
        StringBuilder sql = new StringBuilder(SELECT);
        if (!conditions.isEmpty()) {
            sql.append("WHERE ").append(String.join(" AND ", conditions));
        }
        sql.append(" ORDER BY submitted_at DESC, run_id DESC LIMIT ? OFFSET ?");
        parameters.add(query.limit());
        parameters.add(query.offset());
        return list(sql.toString(), parameters);
    }

    /**
     * The newest run of each task, nested runs included, in one statement per {@link #NAMES_PER_QUERY} names: the
     * names are a table of values, and for each a subquery takes the first entry of the index
     * {@code runs_task_submitted} (or {@code runs_user_task_submitted} for one user) read backwards, so the
     * database reads one index entry and one row per task however many runs are kept.
     */
    Map<String, RunRecord> latest(Collection<String> taskNames, String userHash) {
        List<String> names = new ArrayList<>(new LinkedHashSet<>(taskNames.stream().filter(Objects::nonNull).toList()));
        Map<String, RunRecord> newest = new HashMap<>();
        for (int from = 0; from < names.size(); from += NAMES_PER_QUERY) {
            List<String> chunk = names.subList(from, Math.min(names.size(), from + NAMES_PER_QUERY));
            List<Object> parameters = new ArrayList<>(chunk);
            if (userHash != null) {
                parameters.add(userHash);
            }
            list(latestSql(chunk.size(), userHash != null), parameters).forEach(r -> newest.put(r.taskName(), r));
        }
        return Map.copyOf(newest);
    }

    /** The statement of {@link #latest} for {@code names} names, then the user's hash when {@code forUser}. */
    static String latestSql(int names, boolean forUser) {
        return "WITH names(name) AS (VALUES " + "(?), ".repeat(names - 1) + "(?)) " + SELECT
                + "WHERE run_id IN (SELECT (SELECT r.run_id FROM runs r WHERE r.task_name = names.name"
                + (forUser ? " AND r.user_hash = ?" : "")
                + " ORDER BY r.submitted_at DESC, r.run_id DESC LIMIT 1) FROM names)";
    }

    /**
     * Names per statement of {@link #latest}: well under the parameters one statement takes (32,766 in the SQLite
     * this bundle ships, 65,535 in PostgreSQL), so that any installation's tasks take one statement.
     */
    static final int NAMES_PER_QUERY = 10_000;

    /** Numbered nested runs by their number; any others after them, by id. */
    List<RunRecord> children(String runId) {
        return list(SELECT + "WHERE parent_run_id = ? ORDER BY CASE WHEN plan_index IS NULL THEN 1 ELSE 0 END, "
                + "plan_index, run_id", List.of(runId));
    }

    long count() {
        try {
            return Retention.count(pool);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private List<RunRecord> list(String sql, List<Object> parameters) {
        try (Connection connection = pool.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            List<RunRecord> records = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    records.add(RunRows.read(rows));
                }
            }
            return records;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private RunStoreException failure(SQLException e) {
        return new RunStoreException("Cannot read the run history from " + database + ": " + e.getMessage(), e);
    }
}
