package io.cascadence.core.impl.history;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.cascadence.api.RunQuery;
import io.cascadence.api.RunRecord;

/**
 * The run history when its database could not be opened at start: nothing can be recorded or looked up, so every
 * save and every look-up fails with why (runs are refused before they start; GET /runs answers 503, not an empty
 * list that would look like a history without runs), and {@code /health} says what is wrong until the database is
 * fixed and Cascadence restarted. The rest of the container keeps serving.
 */
public final class UnavailableRunStore implements RunStore {

    private final String problem;

    /** @param problem why the database cannot be used, naming it */
    public UnavailableRunStore(String problem) {
        this.problem = problem;
    }

    @Override
    public CompletableFuture<Void> save(Collection<RunRecord> records) {
        return CompletableFuture.failedFuture(new RunStoreException(problem, null));
    }

    @Override
    public void saveLater(RunRecord record) {
        // nothing can be written; the save that follows fails and says why
    }

    @Override
    public Optional<RunRecord> find(String runId) {
        throw new RunStoreException(problem, null);
    }

    @Override
    public List<RunRecord> query(RunQuery query) {
        throw new RunStoreException(problem, null);
    }

    @Override
    public Map<String, RunRecord> latest(Collection<String> taskNames, String userHash) {
        throw new RunStoreException(problem, null);
    }

    @Override
    public List<RunRecord> children(String runId) {
        throw new RunStoreException(problem, null);
    }

    @Override
    public int interruptUnfinished(String reason, Instant at) {
        return 0;
    }

    @Override
    public long count() {
        return 0;
    }

    @Override
    public List<String> warnings() {
        return List.of("The run history cannot be used, so runs are refused (HTTP 503) until it is fixed and "
                + "Cascadence restarted: " + problem);
    }

    @Override
    public void close() {
    }
}
