package io.cascadence.core.impl.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Which database holds the run history, as an unpooled {@link DataSource}: never a JDBC URL for
 * {@code DriverManager}, which cannot see the drivers' bundles from here.
 *
 * @param name what messages call it: the file, or the URL without credentials
 * @param schema the schema the tables live in, or {@code null} for the database's only one (SQLite)
 * @param dataSource connections to it, each already set up as the store needs
 */
public record HistoryDatabase(String name, String schema, DataSource dataSource) {

    /** The schema of the run-history tables in PostgreSQL, created by the first migration run. */
    public static final String POSTGRES_SCHEMA = "cascadence";

    /** How long a connection waits for another one's write lock before failing (SQLite's busy timeout). */
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;

    /**
     * The embedded SQLite database in {@code file}, created when missing. Every connection uses write-ahead
     * logging, so readers never wait for the writer, and {@code synchronous=FULL} (each commit forced to disk:
     * survives a machine crash) or {@code NORMAL} (forced at checkpoints: survives a crash of the process).
     */
    public static HistoryDatabase sqlite(Path file, boolean syncFull) {
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder of the run-history database " + absolute, e);
        }
        SQLiteConfig config = new SQLiteConfig();
        // Applied by the driver to every connection it opens, so every pooled connection has them.
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(syncFull ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + absolute);
        return new HistoryDatabase(absolute.toString(), null, dataSource);
    }

    /** A PostgreSQL database; the tables go into {@link #POSTGRES_SCHEMA}. */
    public static HistoryDatabase postgres(String url, String user, String password) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        if (!user.isEmpty()) {
            dataSource.setUser(user);
        }
        if (!password.isEmpty()) {
            dataSource.setPassword(password);
        }
        return new HistoryDatabase(withoutSecrets(url), POSTGRES_SCHEMA, dataSource);
    }

    /** The URL with its query parameters cut off, since they may carry a password. */
    static String withoutSecrets(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
