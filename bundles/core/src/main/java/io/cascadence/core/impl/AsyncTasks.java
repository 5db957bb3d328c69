package io.cascadence.core.impl;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.concurrent.CompletionStage;

import io.cascadence.api.RunContext;
import io.cascadence.api.Task;

/**
 * Whether a task's class declares its {@link Task#run} asynchronous: returning a {@link CompletionStage} or a
 * subtype, Java's counterpart of the original's coroutine function. Read from the declaration, never by running
 * the task, and kept per class, so listing a thousand tasks costs a thousand map lookups.
 */
final class AsyncTasks {

    private static final ClassValue<Boolean> ASYNC = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return declaresAsync(type);
        }
    };

    private AsyncTasks() {
    }

    static boolean isAsync(Task task) {
        return ASYNC.get(task.getClass());
    }

    /**
     * Whether the most specific public {@code run(RunContext)} of {@code type} (its own or inherited) returns a
     * CompletionStage. A covariant override leaves the compiler's bridge method returning {@code Object} beside it;
     * bridges are not the declaration and are skipped.
     */
    static boolean declaresAsync(Class<?> type) {
        for (Method method : type.getMethods()) {
            if (method.getName().equals("run") && !method.isBridge() && !Modifier.isStatic(method.getModifiers())
                    && method.getParameterCount() == 1 && method.getParameterTypes()[0] == RunContext.class
                    && CompletionStage.class.isAssignableFrom(method.getReturnType())) {
                return true;
            }
        }
        return false;
    }
}
