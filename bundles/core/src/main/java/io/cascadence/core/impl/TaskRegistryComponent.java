package io.cascadence.core.impl;

import java.time.Duration;
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

import io.cascadence.api.ManualTrigger;
import io.cascadence.api.PointerTask;
import io.cascadence.api.Task;
import io.cascadence.api.TaskInfo;
import io.cascadence.api.TaskProperties;
import io.cascadence.api.TaskRegistry;
import io.cascadence.api.WebhookTask;
import io.cascadence.api.config.CascadenceConfig;
import io.cascadence.api.health.HealthContributor;
import io.cascadence.core.impl.pipeline.TaskStates;
import io.cascadence.core.impl.store.DurableFile;
import io.cascadence.core.impl.store.TaskStatesFile;

/**
 * The whiteboard of {@link Task} services. The reference is dynamic and greedy so that plugins deployed, updated
 * or removed while the container runs are seen at once. It also keeps which tasks are paused or disabled, in
 * {@code task-states.yml}.
 */
@Component(service = {TaskRegistry.class, TaskResolver.class, HealthContributor.class}, immediate = true)
public class TaskRegistryComponent implements TaskRegistry, TaskResolver, HealthContributor {

    private static final Logger LOG = LoggerFactory.getLogger(TaskRegistryComponent.class);

    private final TaskTable table = new TaskTable();
    private final TaskStates states = new TaskStates();
    private DurableFile file;

    @Reference
    private CascadenceConfig config;

    /**
     * Paused and disabled tasks stay so across restarts: they are read at start, and every change is written before
     * it is acknowledged, or refused and undone when it cannot be written.
     */
    @Activate
    void activate() {
        file = DurableFile.open(config.statesPath(), TaskStatesFile::read, stored -> {
            stored.pausedNames().forEach(name -> states.setPaused(name, true));
            stored.disabledNames().forEach(name -> states.setDisabled(name, true));
        });
        states.onChange(() -> file.write(TaskStatesFile.write(states)));
    }

    @Override
    public List<String> warnings() {
        return file.warnings();
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
                task.bundleVersion(), task.task() instanceof ManualTrigger, task.task() instanceof PointerTask,
                task.webhookSources(), AsyncTasks.isAsync(task.task()));
    }

    private static RegisteredTask entry(ServiceReference<Task> reference, Task task) {
        Object name = reference.getProperty(TaskProperties.TASK_NAME);
        Object ranking = reference.getProperty(Constants.SERVICE_RANKING);
        Bundle bundle = reference.getBundle();
        String taskName = name instanceof String s ? s : null;
        String bundleName = bundle == null ? "unknown" : bundle.getSymbolicName();
        String bundleVersion = bundle == null ? "" : bundle.getVersion().toString();
        List<String> sources = webhookSources(reference, task, taskName, bundleName);
        Object timeout = reference.getProperty(TaskProperties.TASK_TIMEOUT);
        Duration parsed = null;
        if (timeout != null) {
            try {
                parsed = TaskTimeouts.parse(timeout);
            } catch (IllegalArgumentException e) {
                LOG.warn("Task service {} (service {} from bundle {} {}): {} is ignored: {}", taskName,
                        reference.getProperty(Constants.SERVICE_ID), bundleName, bundleVersion,
                        TaskProperties.TASK_TIMEOUT, e.getMessage());
            }
        }
        return new RegisteredTask(taskName, task, (Long) reference.getProperty(Constants.SERVICE_ID),
                ranking instanceof Integer i ? i : 0, bundleName, bundleVersion, parsed, sources);
    }

    /**
     * The sources of {@code cascadence.webhook.source}: a string or an array or collection of strings, each a
     * lowercase source name. A malformed value is ignored with a warning naming the service; so is the property on a
     * task that is not a {@link WebhookTask}, which deliveries could not reach as one.
     */
    private static List<String> webhookSources(ServiceReference<Task> reference, Task task, String name,
            String bundle) {
        Object value = reference.getProperty(TaskProperties.WEBHOOK_SOURCE);
        if (value == null) {
            return List.of();
        }
        List<String> sources;
        try {
            sources = WebhookSources.parse(value);
        } catch (IllegalArgumentException e) {
            LOG.warn("Task service {} from bundle {}: {} is ignored: {}", name, bundle, TaskProperties.WEBHOOK_SOURCE,
                    e.getMessage());
            return List.of();
        }
        if (!(task instanceof WebhookTask)) {
            LOG.warn("Task service {} from bundle {}: {} is ignored: the task does not implement {}", name, bundle,
                    TaskProperties.WEBHOOK_SOURCE, WebhookTask.class.getName());
            return List.of();
        }
        return sources;
    }
}
