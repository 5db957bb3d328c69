package io.cascadence.core.impl.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.RunRecord;
import io.cascadence.core.impl.store.RunRecordsJson;

/**
 * Moves the run history of older versions ({@code runs.json}) into the database once: every record in one
 * transaction, then the file is renamed to {@code runs.json.imported}. A crash between the commit and the rename
 * imports it again at the next start, which changes nothing: a record whose id is stored is never overwritten.
 */
final class LegacyImport {

    private static final Logger LOG = LoggerFactory.getLogger(LegacyImport.class);
    static final String IMPORTED_SUFFIX = ".imported";

    private LegacyImport() {
    }

    /**
     * Imports {@code file} if it exists.
     *
     * @return {@code null} when there was nothing to import or it was imported, else what went wrong (the file is
     *         then left where it is)
     */
    static String run(Path file, RunWrites writes, String database) {
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        List<RunRecord> records;
        try {
            records = RunRecordsJson.read(Files.readAllBytes(file));
        } catch (IOException | RuntimeException e) {
            return warn(file, "it cannot be read: " + WriteProblems.reason(e));
        }
        int inserted;
        try {
            inserted = writes.insertAbsent(records);
        } catch (SQLException | RuntimeException e) {
            return warn(file, "writing to " + database + " failed: " + WriteProblems.reason(e));
        }
        Path done = file.resolveSibling(file.getFileName() + IMPORTED_SUFFIX);
        try {
            Files.move(file, done, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            return warn(file, "its " + records.size() + " runs are in " + database + " but it cannot be renamed to "
                    + done.getFileName() + ": " + WriteProblems.reason(e));
        }
        LOG.info("Run history: imported {} runs ({} new) from {} into {}; the file is now {}", records.size(),
                inserted, file, database, done);
        return null;
    }

    private static String warn(Path file, String reason) {
        String message = "The old run history " + file + " was not imported: " + reason
                + "; fix or move it, then restart";
        LOG.error("{}", message);
        return message;
    }
}
