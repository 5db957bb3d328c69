package io.cascadence.core.impl;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleRevision;

import io.cascadence.api.CascadenceException;
import io.cascadence.api.InvalidRequestException;
import io.cascadence.api.Task;
import io.cascadence.api.TaskName;

/** Finding a task class of a bundle and making an instance of it, for the TaskStore; errors name what is wrong. */
final class TaskClasses {

    private TaskClasses() {
    }

    /** The newest installed bundle with that name, which must be active. */
    /** Whether a bundle of that name is installed and active. */
    static boolean isActive(BundleContext context, String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName()) && bundle.getState() == Bundle.ACTIVE) {
                return true;
            }
        }
        return false;
    }

    static Bundle activeBundle(BundleContext context, String symbolicName) {
        Bundle found = null;
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())
                    && (found == null || bundle.getVersion().compareTo(found.getVersion()) > 0)) {
                found = bundle;
            }
        }
        if (found == null) {
            throw new InvalidRequestException("no bundle '" + symbolicName + "' is installed");
        }
        if (found.getState() != Bundle.ACTIVE || found.getBundleContext() == null) {
            throw new InvalidRequestException("bundle '" + symbolicName + "' is not active");
        }
        return found;
    }

    /** Whether the bundle is still active in the revision a class was loaded from. */
    static boolean current(Bundle bundle, BundleRevision revision) {
        return bundle.getState() == Bundle.ACTIVE && bundle.getBundleContext() != null
                && bundle.adapt(BundleRevision.class) == revision;
    }

    /** The class, which must be a {@link Task}. */
    static Class<?> taskClass(Bundle bundle, String className) {
        Class<?> type;
        try {
            type = bundle.loadClass(className);
        } catch (ClassNotFoundException e) {
            throw new InvalidRequestException("bundle '" + bundle.getSymbolicName() + "' has no class '" + className
                    + "'");
        } catch (LinkageError e) {
            // A class whose own dependencies are missing from its bundle: the plugin's fault, not Cascadence's.
            throw new InvalidRequestException("class '" + className + "' of bundle '" + bundle.getSymbolicName()
                    + "' cannot be loaded: " + e);
        }
        if (!Task.class.isAssignableFrom(type)) {
            throw new InvalidRequestException("class '" + className + "' is not an io.cascadence.api.Task");
        }
        return type;
    }

    /** The name asked for, or else the one the class's {@link TaskName} gives. */
    static String taskName(TaskPathRequest asked, Class<?> type) {
        return asked.name() != null ? asked.name() : TaskPathRequest.requireValidName(nameOf(type));
    }

    private static String nameOf(Class<?> type) {
        TaskName annotation = type.getAnnotation(TaskName.class);
        if (annotation == null) {
            throw new InvalidRequestException("class '" + type.getName() + "' has no @TaskName; pass name= to name it");
        }
        return annotation.value();
    }

    /** A new instance by the public no-argument constructor, which is plugin code and may take its time. */
    static Task instantiate(Class<?> type, String className) {
        try {
            return (Task) type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new InvalidRequestException("class '" + className + "' has no public no-argument constructor");
        } catch (ReflectiveOperationException | RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new CascadenceException("class '" + className + "' could not be instantiated: " + cause);
        }
    }
}
