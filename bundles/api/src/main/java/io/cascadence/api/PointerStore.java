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
     * The most pointers one task may hold for {@link #receive} to add one more: pointers received from other
     * instances are bounded so that a peer cannot make the store grow without limit. Pointers users add count too
     * but are never refused.
     */
    int RECEIVED_PER_TASK_LIMIT = 10_000;

    /** The most task names the store holds for {@link #receive} to store a pointer of a task it holds none of. */
    int RECEIVED_TASK_LIMIT = 1_000;

    /**
     * Stores a pointer received from another instance as given (the user is already hashed); no task check, as
     * the task may not be installed here. Storing one that is there changes nothing.
     *
     * @throws IllegalArgumentException when the run id or the user hash is blank
     * @throws StoreFullException when the task holds {@link #RECEIVED_PER_TASK_LIMIT} pointers, or the store holds
     *         {@link #RECEIVED_TASK_LIMIT} task names and this task is not among them
     */
    void receive(String taskName, String runId, String userHash, String groupId);

    /**
     * Stores a pointer that arrived as a {@link io.cascadence.api.event.PointerUpdate} from another instance over
     * the event transport (pointer sync): user and group are already hashed there, with the same secret, so they
     * are stored as given. Like {@link #receive}, it checks no task, is bounded the same way and publishes no
     * event. Comes from the original's {@code PointerStore.apply_update}.
     *
     * @param taskName the pointer task's name, as sent
     * @param runId the run the pointer names
     * @param userHash the hashed user id
     * @param groupHash the hashed group id, or {@code null} or blank for none
     * @return {@code true} when the pointer was new here, {@code false} when it was already stored
     * @throws IllegalArgumentException when the task name, the run id or the user hash is blank
     * @throws StoreFullException as {@link #receive} does
     * @since 1.1.0
     */
    boolean apply(String taskName, String runId, String userHash, String groupHash);

    /** How many pointers a task has, for everyone. */
    int count(String taskName);
}
