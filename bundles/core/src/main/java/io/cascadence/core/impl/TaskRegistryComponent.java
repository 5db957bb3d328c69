package io.cascadence.core.impl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.Task;
import io.cascadence.api.TaskInfo;
import io.cascadence.api.TaskProperties;
import io.cascadence.api.TaskRegistry;
import io.cascadence.api.config.CascadenceConfig;
import io.cascadence.core.impl.pipeline.TaskStates;
import io.cascadence.core.impl.store.AtomicFiles;
import io.cascadence.core.impl.store.StoreFile;
import io.cascadence.core.impl.store.TaskStatesFile;

/**
 * The whiteboard of {@link Task} services. The reference is dynamic and greedy so that plugins deployed, updated
 * or removed while the container runs are seen at once.
 */
@Component(service = {TaskRegistry.class, TaskResolver.class}, immediate = true)
public class TaskRegistryComponent implements TaskRegistry, TaskResolver {

    private static final Logger LOG = LoggerFactory.getLogger(TaskRegistryComponent.class);

    private final TaskTable table = new TaskTable();
    private final TaskStates states = new TaskStates();

    @Reference
    private CascadenceConfig config;

    /** Paused and disabled tasks stay so across restarts: they are read at start and written at each change. */
    @Activate
    void activate() {
        Path file = config.statesPath();
        StoreFile.Loaded<TaskStates> loaded = StoreFile.load(file, TaskStatesFile::read);
        loaded.content().ifPresent(stored -> {
            stored.pausedNames().forEach(name -> states.setPaused(name, true));
            stored.disabledNames().forEach(name -> states.setDisabled(name, true));
        });
        if (loaded.writable()) {
            states.onChange(() -> save(file));
        }
    }

    private synchronized void save(Path file) {
        try {
            AtomicFiles.write(file, TaskStatesFile.write(states));
        } catch (IOException e) {
            LOG.error("Cannot write {}: {}; the change lasts until the next stop", file, e.getMessage());
        }
    }

    @Reference(service = Task.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindTask(ServiceReference<Task> reference, Task task) {
        table.put(entry(reference, task));
    }

    void updatedTask(ServiceReference<Task> reference, Task task) {
        table.put(entry(reference, task));
    }

    void unbindTask(ServiceReference<Task> reference) {
        table.remove((Long) reference.getProperty(Constants.SERVICE_ID));
    }

    @Override
    public List<TaskInfo> tasks() {
        return table.all().stream().map(this::info).toList();
    }

    @Override
    public Optional<TaskInfo> task(String name) {
        return table.find(name).map(this::info);
    }

    @Override
    public Optional<RegisteredTask> resolve(String name) {
        return table.find(name);
    }

    @Override
    public TaskStates states() {
        return states;
    }

    private TaskInfo info(RegisteredTask task) {
        return new TaskInfo(task.name(), states.disabled(task.name()), states.paused(task.name()), task.bundle(),
                task.bundleVersion());
    }

    private static RegisteredTask entry(ServiceReference<Task> reference, Task task) {
        Object name = reference.getProperty(TaskProperties.TASK_NAME);
        Object ranking = reference.getProperty(Constants.SERVICE_RANKING);
        Bundle bundle = reference.getBundle();
        RegisteredTask entry = new RegisteredTask(name instanceof String s ? s : null, task,
                (Long) reference.getProperty(Constants.SERVICE_ID), ranking instanceof Integer i ? i : 0,
                bundle == null ? "unknown" : bundle.getSymbolicName(),
                bundle == null ? "" : bundle.getVersion().toString(), null);
        Object timeout = reference.getProperty(TaskProperties.TASK_TIMEOUT);
        if (timeout == null) {
            return entry;
        }
        try {
            return new RegisteredTask(entry.name(), task, entry.serviceId(), entry.ranking(), entry.bundle(),
                    entry.bundleVersion(), TaskTimeouts.parse(timeout));
        } catch (IllegalArgumentException e) {
            LOG.warn("Task service {} ({}): {} is ignored: {}", entry.name(), entry.describe(),
                    TaskProperties.TASK_TIMEOUT, e.getMessage());
            return entry;
        }
    }
}
