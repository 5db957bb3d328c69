package io.cascadence.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The PointerStore ({@code pointers.yml}): pointers by task name, identities hashed. */
@ProviderType
public interface PointerStore {

    /**
     * Records that the caller has run {@code runId} of a pointer task; adding the same pointer again changes
     * nothing.
     *
     * @throws UnknownTaskException when no task has that name
     * @throws CascadenceException "'NAME' is not a pointer task" when the task is not a {@link PointerTask}
     * @throws IllegalArgumentException when the caller has no user id or the run id is blank
     */
    void add(String taskName, String runId, Identity caller);

    /** The caller's pointers for a task: those with the caller's user hash (and group hash, when given). */
    List<Pointer> pointers(String taskName, Identity caller);

    /**
     * Stores a pointer received from another instance as given (the user is already hashed); no task check, as
     * the task may not be installed here.
     */
    void receive(String taskName, String runId, String userHash, String groupId);

    /** How many pointers a task has, for everyone. */
    int count(String taskName);
}
