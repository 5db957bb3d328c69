package io.cascadence.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Every run's record, kept in {@code data/} across restarts, within the configured retention. */
@ProviderType
public interface RunHistory {

    Optional<RunRecord> find(String runId);

    /**
     * The runs of one task, newest first.
     *
     * @param offset how many of the newest to skip
     * @param limit at most how many to return
     */
    List<RunRecord> forTask(String taskName, int offset, int limit);

    /** The runs a run's plan started, in plan order. */
    List<RunRecord> children(String runId);
}
