package io.cascadence.core.impl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.CascadenceException;
import io.cascadence.api.InvalidRequestException;
import io.cascadence.api.Task;
import io.cascadence.api.TaskInfo;
import io.cascadence.api.TaskPath;
import io.cascadence.api.TaskProperties;
import io.cascadence.api.TaskRegistry;
import io.cascadence.api.TaskStore;
import io.cascadence.api.config.CascadenceConfig;
import io.cascadence.api.health.HealthContributor;
import io.cascadence.core.impl.TaskPathTable.Entry;
import io.cascadence.core.impl.store.DurableFile;
import io.cascadence.core.impl.store.TaskPathFile;

/**
 * The TaskStore. A path's task is registered as a service of its own bundle, so it disappears with the bundle and
 * is registered again, from {@code tasks.yml}, whenever the bundle starts. A registration is written to
 * {@code tasks.yml} before it is answered, or refused.
 *
 * <p>A task class's constructor is plugin code and may be slow: it never runs under the store's lock, and the
 * registrations restored at start or when a bundle starts run on threads of their own, so a slow one holds up
 * neither other registrations nor the container's start nor the thread that started the bundle.
 */
@Component(service = {TaskStore.class, HealthContributor.class}, immediate = true)
public class TaskStoreComponent implements TaskStore, HealthContributor, SynchronousBundleListener {

    /** The property that marks a task service registered by path. */
    static final String PATH_PROPERTY = "cascadence.task.path";

    /**
     * How long the start waits for the stored registrations: ample for ordinary classes, so that they are in
     * service by the time {@code /health} first says UP; a slower constructor finishes in the background.
     */
    private static final Duration RESTORE_WAIT = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(TaskStoreComponent.class);

    @Reference
    private CascadenceConfig config;

    @Reference
    private TaskRegistry registry;

    private BundleContext context;
    private DurableFile file;
    private TaskPathTable<ServiceRegistration<Task>> table;
    private TaskPathRestorer restorer;
    private boolean active;

    @Activate
    void activate(BundleContext bundleContext) {
        context = bundleContext;
        table = new TaskPathTable<>(paths -> file.write(TaskPathFile.write(paths)));
        file = DurableFile.open(config.tasksPath(), TaskPathFile::parse, table::restore);
        restorer = new TaskPathRestorer();
        synchronized (table) {
            active = true;
        }
        context.addBundleListener(this);
        awaitRestore(restore(null));
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(this);
        restorer.close();
        List<ServiceRegistration<Task>> registrations;
        synchronized (table) {
            active = false;
            registrations = table.detachAll();
        }
        registrations.forEach(TaskStoreComponent::unregister);
    }

    @Override
    public List<String> warnings() {
        return file.warnings();
    }

    @Override
    public TaskInfo register(String path, String name, String schedule) {
        TaskPathRequest asked = TaskPathRequest.of(path, name, schedule);
        TaskPath stored = asked.stored();
        Bundle bundle = TaskClasses.activeBundle(context, asked.bundle());
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        Class<?> type = TaskClasses.taskClass(bundle, asked.className());
        String taskName = TaskClasses.taskName(asked, type);
        synchronized (table) {
            if (inService(stored, taskName)) {
                table.put(stored, taskName);
                return info(taskName);
            }
            file.requireWritable();
        }
        // Outside the lock: a slow constructor holds up this request only.
        Task task = TaskClasses.instantiate(type, asked.className());
        synchronized (table) {
            if (inService(stored, taskName)) {
                table.put(stored, taskName);
                return info(taskName);
            }
            if (!active || !TaskClasses.current(bundle, revision)) {
                throw new CascadenceException("bundle '" + asked.bundle() + "' stopped or changed while '" + taskName
                        + "' was being registered; nothing was registered");
            }
            boolean known = table.find(stored, taskName).isPresent();
            Entry<ServiceRegistration<Task>> entry = table.put(stored, taskName);
            table.named(entry, taskName);
            try {
                table.attach(entry, bundle.getBundleContext().registerService(Task.class, task,
                        properties(taskName, stored.path())));
            } catch (IllegalStateException e) {
                if (!known) {
                    table.remove(entry);
                }
                throw new CascadenceException("bundle '" + asked.bundle() + "' stopped while '" + taskName
                        + "' was being registered; nothing was registered", e);
            }
        }
        LOG.info("Task '{}' registered by path {}", taskName, stored.path());
        return info(taskName);
    }

    @Override
    public List<TaskPath> paths() {
        return table.paths();
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        String bundle = event.getBundle().getSymbolicName();
        if (event.getType() == BundleEvent.STARTED) {
            restore(bundle);
        } else if (event.getType() == BundleEvent.STOPPING && bundle != null) {
            table.detach(bundle);
        }
    }

    /**
     * Whether {@code taskName} may be (or is) registered for {@code stored}, and is in service already; refuses a
     * name held by another entry or another task. Called under the table's lock.
     */
    private boolean inService(TaskPath stored, String taskName) {
        table.requireFree(stored.path(), taskName);
        Optional<Entry<ServiceRegistration<Task>>> same = table.find(stored, taskName);
        if (same.isPresent() && table.registration(same.get()).isPresent()) {
            return true;
        }
        registry.task(taskName).ifPresent(other -> {
            throw new InvalidRequestException("a task named '" + taskName + "' exists already (from bundle "
                    + other.bundle() + "); pass name= to register this one under another name");
        });
        return false;
    }

    /** Registers the stored entries not in service, of one bundle or ({@code null}) all, in the background. */
    private List<Future<?>> restore(String bundle) {
        List<Future<?>> started = new ArrayList<>();
        for (Entry<ServiceRegistration<Task>> entry : table.waiting(bundle)) {
            try {
                started.add(restorer.submit(() -> restoreOne(entry)));
            } catch (RejectedExecutionException e) {
                return started; // stopping
            }
        }
        return started;
    }

    private void restoreOne(Entry<ServiceRegistration<Task>> entry) {
        TaskPath stored = entry.stored();
        try {
            TaskPathRequest asked = TaskPathRequest.of(stored.path(), stored.name(), null);
            if (!TaskClasses.isActive(context, asked.bundle())) {
                // Normal while plugins/ is being deployed, and while a plugin is away: the bundle's STARTED
                // event registers it again. Not a warning; GET /tasks shows what is registered.
                LOG.info("Task path {} waits for its bundle '{}' to start", stored.path(), asked.bundle());
                return;
            }
            Bundle bundle = TaskClasses.activeBundle(context, asked.bundle());
            BundleRevision revision = bundle.adapt(BundleRevision.class);
            Class<?> type = TaskClasses.taskClass(bundle, asked.className());
            String taskName = TaskClasses.taskName(asked, type);
            table.named(entry, taskName);
            Task task = TaskClasses.instantiate(type, asked.className());
            synchronized (table) {
                // A bundle that stopped or changed meanwhile is restored again by its next STARTED event.
                if (!active || table.registration(entry).isPresent() || !TaskClasses.current(bundle, revision)) {
                    return;
                }
                registry.task(taskName).ifPresent(other -> {
                    throw new InvalidRequestException("a task named '" + taskName + "' exists already (from bundle "
                            + other.bundle() + ")");
                });
                table.attach(entry, bundle.getBundleContext().registerService(Task.class, task,
                        properties(taskName, stored.path())));
            }
            LOG.info("Task '{}' registered again by path {}", taskName, stored.path());
        } catch (CascadenceException | IllegalStateException e) {
            LOG.warn("Task path {} from {} is not registered now: {}", stored.path(), config.tasksPath(),
                    e.getMessage());
        }
    }

    private void awaitRestore(List<Future<?>> started) {
        long deadline = System.nanoTime() + RESTORE_WAIT.toNanos();
        for (Future<?> restore : started) {
            try {
                restore.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                LOG.info("Some tasks of {} are still being registered (a slow constructor); they follow in the "
                        + "background", config.tasksPath());
                return;
            } catch (ExecutionException e) {
                LOG.error("Restoring a task path failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private TaskInfo info(String taskName) {
        return registry.task(taskName).orElseThrow(() -> new CascadenceException(
                "task '" + taskName + "' was registered but is not in the registry"));
    }

    private static Dictionary<String, Object> properties(String taskName, String path) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(TaskProperties.TASK_NAME, taskName);
        properties.put(PATH_PROPERTY, path);
        return properties;
    }

    private static void unregister(ServiceRegistration<Task> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException e) {
            // Already gone with its bundle.
        }
    }
}
