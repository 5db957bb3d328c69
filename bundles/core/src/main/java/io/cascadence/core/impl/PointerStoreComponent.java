package io.cascadence.core.impl;

import java.time.Instant;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.cascadence.api.CascadenceException;
import io.cascadence.api.Identity;
import io.cascadence.api.Pointer;
import io.cascadence.api.PointerStore;
import io.cascadence.api.PointerTask;
import io.cascadence.api.UnknownTaskException;
import io.cascadence.api.config.CascadenceConfig;
import io.cascadence.api.event.EventBus;
import io.cascadence.api.event.PointerUpdate;
import io.cascadence.api.health.HealthContributor;
import io.cascadence.core.impl.pipeline.IdentityHasher;
import io.cascadence.core.impl.store.PointerLog;
import io.cascadence.core.impl.store.PersistedFile;

/**
 * The PointerStore: restored from and written in batches to {@code pointers.yml}. A pointer a user adds is
 * published as a {@link PointerUpdate} (the original's {@code emit_pointer_update}), so transports can share it
 * with other instances; one received from another instance is not published again.
 */
@Component(service = {PointerStore.class, HealthContributor.class}, immediate = true)
public class PointerStoreComponent implements PointerStore, HealthContributor {

    @Reference
    private CascadenceConfig config;

    @Reference
    private TaskResolver tasks;

    @Reference
    private EventBus events;

    private IdentityHasher hasher;
    private PointerLog pointers;
    private PersistedFile file;

    @Activate
    void activate() {
        hasher = new IdentityHasher(config::hashSecret);
        file = new PersistedFile(config.pointersPath());
        pointers = new PointerLog(file::changed);
        // The original stored plain group ids (group_id): they are hashed on the way in; hashes stay as they are,
        // and user hashes are kept as given (a received pointer may carry another instance's hash).
        file.open(PointerLog::parse,
                stored -> stored.forEach((task, list) -> list.forEach(p -> pointers.add(task,
                        new Pointer(p.runId(), p.userHash(), hasher.hash(p.groupHash()))))),
                pointers::snapshot);
    }

    @Deactivate
    void deactivate() {
        file.close();
    }

    @Override
    public List<String> warnings() {
        return file.warnings();
    }

    @Override
    public void add(String taskName, String runId, Identity caller) {
        RegisteredTask task = tasks.resolve(taskName).orElseThrow(() -> new UnknownTaskException(taskName));
        if (!(task.task() instanceof PointerTask)) {
            throw new CascadenceException("'" + taskName + "' is not a pointer task");
        }
        if (caller == null || caller.userId() == null) {
            throw new IllegalArgumentException("a pointer needs the user it is for (X-User-ID, --user-id)");
        }
        if (runId == null || runId.isBlank()) {
            throw new IllegalArgumentException("run_id is required");
        }
        Pointer pointer = new Pointer(runId.strip(), hasher.hash(caller.userId()), hasher.hash(caller.groupId()));
        if (pointers.add(taskName, pointer)) {
            events.publish(new PointerUpdate(taskName, pointer.runId(), pointer.userHash(), pointer.groupHash(),
                    Instant.now()));
        }
    }

    @Override
    public List<Pointer> pointers(String taskName, Identity caller) {
        if (tasks.resolve(taskName).isPresent() && !(tasks.resolve(taskName).get().task() instanceof PointerTask)) {
            throw new CascadenceException("'" + taskName + "' is not a pointer task");
        }
        String user = caller == null ? null : hasher.hash(caller.userId());
        String group = caller == null ? null : hasher.hash(caller.groupId());
        return pointers.pointers(taskName).stream()
                .filter(p -> user == null || user.equals(p.userHash()))
                .filter(p -> group == null || group.equals(p.groupHash()))
                .toList();
    }

    @Override
    public void receive(String taskName, String runId, String userHash, String groupId) {
        if (runId == null || runId.isBlank() || userHash == null || userHash.isBlank()) {
            throw new IllegalArgumentException("run_id and user_hash are required");
        }
        pointers.addBounded(taskName, new Pointer(runId.strip(), userHash.strip(), hasher.hash(groupId)),
                RECEIVED_PER_TASK_LIMIT, RECEIVED_TASK_LIMIT);
    }

    @Override
    public boolean apply(String taskName, String runId, String userHash, String groupHash) {
        if (taskName == null || taskName.isBlank() || runId == null || runId.isBlank() || userHash == null
                || userHash.isBlank()) {
            throw new IllegalArgumentException("task_name, run_id and user_hash are required");
        }
        String group = groupHash == null || groupHash.isBlank() ? null : groupHash.strip();
        return pointers.addBounded(taskName, new Pointer(runId.strip(), userHash.strip(), group),
                RECEIVED_PER_TASK_LIMIT, RECEIVED_TASK_LIMIT);
    }

    @Override
    public int count(String taskName) {
        return pointers.pointers(taskName).size();
    }
}
