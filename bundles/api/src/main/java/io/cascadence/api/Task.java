package io.cascadence.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A unit of work that Cascadence can run. Plugins register implementations as OSGi services with the
 * {@link TaskProperties#TASK_NAME} service property (see {@link TaskName}); a service without a valid name is
 * refused with a warning naming it.
 *
 * <p>{@link #run(RunContext)} may return a plain value or a {@link java.util.concurrent.CompletionStage} that
 * completes with the value. The value is reported to whoever asked for the run (for example as JSON by the REST
 * API), so it should be a string, a number, a boolean, a list, a map or {@code null}; anything else is reported
 * by its {@code toString()}.
 */
@ConsumerType
public interface Task {

    /**
     * Does the work of the task.
     *
     * @param context what this run is: its id, the task name and who asked for it
     * @return the result of the run, {@code null} or a {@link java.util.concurrent.CompletionStage} of it
     * @throws Exception when the task fails; the run is reported as failed with the exception's message
     */
    Object run(RunContext context) throws Exception;
}
