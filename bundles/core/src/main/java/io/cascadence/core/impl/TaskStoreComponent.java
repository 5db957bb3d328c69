package io.cascadence.core.impl;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.CascadenceException;
import io.cascadence.api.Task;
import io.cascadence.api.TaskInfo;
import io.cascadence.api.TaskName;
import io.cascadence.api.TaskPath;
import io.cascadence.api.TaskProperties;
import io.cascadence.api.TaskRegistry;
import io.cascadence.api.TaskStore;
import io.cascadence.api.config.CascadenceConfig;
import io.cascadence.core.impl.store.AtomicFiles;
import io.cascadence.core.impl.store.StoreFile;
import io.cascadence.core.impl.store.TaskPathFile;

/**
 * The TaskStore. A path's task is registered as a service of its own bundle, so it disappears with the bundle
 * and is registered again, from {@code tasks.yml}, whenever the bundle starts.
 */
@Component(service = TaskStore.class, immediate = true)
public class TaskStoreComponent implements TaskStore, SynchronousBundleListener {

    /** The property that marks a task service registered by path. */
    static final String PATH_PROPERTY = "cascadence.task.path";

    private static final Pattern CRON = Pattern.compile("\\S+(\\s+\\S+){4}");
    private static final Pattern CRON_FIELD = Pattern.compile("[0-9A-Za-z*/,?#LW-]+");
    /** A Java identifier without the control and format characters Java lets an identifier part ignore. */
    private static final String IDENTIFIER =
            "\\p{javaJavaIdentifierStart}[\\p{javaJavaIdentifierPart}&&[^\\p{Cc}\\p{Cf}]]*";
    /** A binary class name: identifiers joined by dots; anything else is refused before a class loader sees it. */
    private static final Pattern CLASS_NAME = Pattern.compile(IDENTIFIER + "(\\." + IDENTIFIER + ")*");
    private static final Logger LOG = LoggerFactory.getLogger(TaskStoreComponent.class);

    @Reference
    private CascadenceConfig config;

    @Reference
    private TaskRegistry registry;

    private BundleContext context;
    private Path file;
    private boolean writable;
    private final Map<String, TaskPath> paths = new LinkedHashMap<>();
    private final Map<String, Boolean> named = new LinkedHashMap<>();
    private final Map<String, ServiceRegistration<Task>> registrations = new LinkedHashMap<>();

    @Activate
    void activate(BundleContext bundleContext) {
        context = bundleContext;
        file = config.tasksPath();
        StoreFile.Loaded<List<TaskPath>> loaded = StoreFile.load(file, TaskPathFile::parse);
        writable = loaded.writable();
        context.addBundleListener(this);
        synchronized (this) {
            for (TaskPath entry : loaded.content().orElse(List.of())) {
                paths.put(entry.path(), entry);
                named.put(entry.path(), entry.name() != null);
            }
            for (TaskPath entry : List.copyOf(paths.values())) {
                try {
                    registerEntry(entry);
                } catch (CascadenceException e) {
                    LOG.warn("Task path {} from {} is not registered now: {}", entry.path(), file, e.getMessage());
                }
            }
        }
    }

    @Deactivate
    synchronized void deactivate() {
        context.removeBundleListener(this);
        registrations.values().forEach(TaskStoreComponent::unregister);
        registrations.clear();
    }

    @Override
    public synchronized TaskInfo register(String path, String name, String schedule) {
        String[] parts = split(path);
        if (schedule != null && !schedule.isBlank()) {
            String cron = schedule.strip();
            if (!CRON.matcher(cron).matches() || !java.util.Arrays.stream(cron.split("\\s+"))
                    .allMatch(f -> CRON_FIELD.matcher(f).matches())) {
                throw new CascadenceException("schedule '" + schedule + "' is not a cron expression; expected five "
                        + "fields: minute hour day-of-month month day-of-week, e.g. '*/5 * * * *'");
            }
        }
        String wanted = name == null || name.isBlank() ? null : name.strip();
        TaskPath entry = new TaskPath(parts[0] + ":" + parts[1], wanted,
                schedule == null || schedule.isBlank() ? null : schedule.strip());
        TaskPath registered = registerEntry(entry);
        paths.put(registered.path(), registered);
        named.put(registered.path(), wanted != null);
        save();
        return registry.task(registered.name()).orElseThrow(() -> new CascadenceException(
                "task '" + registered.name() + "' was registered but is not in the registry"));
    }

    @Override
    public synchronized List<TaskPath> paths() {
        return List.copyOf(paths.values());
    }

    @Override
    public synchronized void bundleChanged(BundleEvent event) {
        Bundle bundle = event.getBundle();
        if (event.getType() == BundleEvent.STARTED) {
            for (TaskPath entry : List.copyOf(paths.values())) {
                if (entry.path().startsWith(bundle.getSymbolicName() + ":") && !registrations.containsKey(entry.path())) {
                    try {
                        paths.put(entry.path(), registerEntry(entry));
                    } catch (CascadenceException e) {
                        LOG.warn("Task path {} is not registered: {}", entry.path(), e.getMessage());
                    }
                }
            }
        } else if (event.getType() == BundleEvent.STOPPING) {
            registrations.entrySet().removeIf(r -> r.getKey().startsWith(bundle.getSymbolicName() + ":"));
        }
    }

    /** Registers (or re-registers with a new schedule) one entry; returns it with its effective name. */
    private TaskPath registerEntry(TaskPath entry) {
        String[] parts = split(entry.path());
        Bundle bundle = activeBundle(parts[0]);
        Class<?> type;
        try {
            type = bundle.loadClass(parts[1]);
        } catch (ClassNotFoundException e) {
            throw new CascadenceException("bundle '" + parts[0] + "' has no class '" + parts[1] + "'");
        } catch (LinkageError e) {
            // A class whose own dependencies are missing from its bundle: the plugin's fault, not Cascadence's.
            throw new CascadenceException("class '" + parts[1] + "' of bundle '" + parts[0] + "' cannot be loaded: "
                    + e);
        }
        if (!Task.class.isAssignableFrom(type)) {
            throw new CascadenceException("class '" + parts[1] + "' is not an io.cascadence.api.Task");
        }
        String name = entry.name() != null ? entry.name() : nameOf(type);
        if (!TaskTable.VALID_NAME.matcher(name).matches()) {
            throw new CascadenceException("'" + name + "' is not a valid task name; expected 1 to 100 letters, "
                    + "digits, '.', '_' or '-', starting with a letter or digit");
        }
        ServiceRegistration<Task> existing = registrations.get(entry.path());
        registry.task(name).ifPresent(other -> {
            if (existing == null) {
                throw new CascadenceException("a task named '" + name + "' exists already (from bundle "
                        + other.bundle() + "); pass name= to register this one under another name");
            }
        });
        Task task = instantiate(type, parts[1]);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(TaskProperties.TASK_NAME, name);
        properties.put(PATH_PROPERTY, entry.path());
        if (existing != null) {
            unregister(existing);
        }
        registrations.put(entry.path(), bundle.getBundleContext().registerService(Task.class, task, properties));
        LOG.info("Task '{}' registered by path {}", name, entry.path());
        return new TaskPath(entry.path(), name, entry.schedule());
    }

    private Bundle activeBundle(String symbolicName) {
        Bundle found = null;
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())
                    && (found == null || bundle.getVersion().compareTo(found.getVersion()) > 0)) {
                found = bundle;
            }
        }
        if (found == null) {
            throw new CascadenceException("no bundle '" + symbolicName + "' is installed");
        }
        if (found.getState() != Bundle.ACTIVE || found.getBundleContext() == null) {
            throw new CascadenceException("bundle '" + symbolicName + "' is not active");
        }
        return found;
    }

    private static String nameOf(Class<?> type) {
        TaskName annotation = type.getAnnotation(TaskName.class);
        if (annotation == null) {
            throw new CascadenceException("class '" + type.getName() + "' has no @TaskName; pass name= to name it");
        }
        return annotation.value();
    }

    private static Task instantiate(Class<?> type, String className) {
        try {
            Constructor<?> constructor = type.getConstructor();
            return (Task) constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new CascadenceException("class '" + className + "' has no public no-argument constructor");
        } catch (ReflectiveOperationException | RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new CascadenceException("class '" + className + "' could not be instantiated: " + cause);
        }
    }

    static String[] split(String path) {
        String[] parts = path == null ? new String[0] : path.strip().split(":", -1);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new CascadenceException("path must be 'bundle:Class', e.g. "
                    + "'io.cascadence.examples.pipeline:io.cascadence.examples.pipeline.FanOutTask'; got '" + path + "'");
        }
        String className = parts[1].strip();
        // Felix defines a class found under a name such as a/b/C and the JVM then throws NoClassDefFoundError.
        if (!CLASS_NAME.matcher(className).matches()) {
            throw new CascadenceException("'" + className + "' is not a class name; expected a fully qualified name "
                    + "of Java identifiers joined by dots, e.g. 'io.cascadence.examples.pipeline.FanOutTask'");
        }
        return new String[] {parts[0].strip(), className};
    }

    private void save() {
        if (!writable) {
            LOG.warn("Not writing {}: it could not be read at start; the registration lasts until the next stop", file);
            return;
        }
        try {
            AtomicFiles.write(file, TaskPathFile.write(new ArrayList<>(paths.values()), named));
        } catch (IOException e) {
            throw new CascadenceException("the task is registered but " + file + " cannot be written: "
                    + e.getMessage(), e);
        }
    }

    private static void unregister(ServiceRegistration<Task> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException e) {
            // Already gone with its bundle.
        }
    }
}
