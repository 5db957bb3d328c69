package io.cascadence.core.impl.history;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of the writes: a failure is logged once, not once per batch, stays in the store's warnings until a
 * write succeeds again, and that recovery is logged too.
 */
final class WriteProblems {

    private static final Logger LOG = LoggerFactory.getLogger(WriteProblems.class);

    private final String database;
    private volatile String problem;

    WriteProblems(String database) {
        this.database = database;
    }

    /** @return the error for the savers of the failed batch, naming the database */
    RunStoreException failed(int records, Throwable cause) {
        String message = "Cannot write the run history to " + database + ": " + reason(cause);
        if (problem == null) {
            LOG.error("{}; {} records were not saved, later writes will be tried", message, records, cause);
        }
        problem = message;
        return new RunStoreException(message, cause);
    }

    void housekeepingFailed(RuntimeException e) {
        LOG.warn("Run history {}: housekeeping after a write failed; writing goes on", database, e);
    }

    void succeeded() {
        if (problem != null) {
            problem = null;
            LOG.info("The run history is written to {} again", database);
        }
    }

    /** The failure of the last write, or {@code null} when it succeeded. */
    String problem() {
        return problem;
    }

    static String reason(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }
}
