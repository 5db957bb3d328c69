package io.cascadence.api.spi;

import io.cascadence.api.RunHandle;
import io.cascadence.api.RunRequest;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A scheduler backend: register one as an OSGi service with the {@link #NAME} property, and the
 * {@link io.cascadence.api.Scheduler} facade sends it every run request while the configuration names it
 * ({@code backend = NAME}). Backends come and go with their bundles; a request while the configured one is
 * missing is refused, never sent to another backend. A backend runs tasks through the {@link RunExecutor}
 * service, wherever and whenever it decides.
 */
@ConsumerType
public interface SchedulerBackend {

    /**
     * Service property: the backend's name, as configured ({@code base}, {@code cron}, {@code dag},
     * {@code temporal}, {@code cronyx}, ...). Required; a service without it is ignored with a warning.
     *
     * @since 1.0
     */
    String NAME = "cascadence.scheduler.backend";

    /**
     * Takes a run request that the facade has checked (the task exists, is enabled and not paused).
     *
     * @return the run's id and its completion, as {@link RunExecutor#execute} returns them
     * @throws io.cascadence.api.CascadenceException subtypes as {@link RunExecutor#execute} throws them
     */
    RunHandle submit(RunRequest request);

    /**
     * Ends a run this backend accepted that is not in progress in this container (a workflow another installation
     * runs, say), as {@link io.cascadence.api.Scheduler#cancel} asks. It may return before the run has ended; where
     * the run is in progress, it ends as {@code cancelled}.
     *
     * @param runId the run's id
     * @return whether the backend knows the run and has asked for its end; {@code false} (the default) lets the
     *         core answer as for a run it does not know
     * @since 1.1
     */
    default boolean cancel(String runId) {
        return false;
    }

    /**
     * Holds, before its next stage, a run this backend accepted that is not in progress in this container.
     *
     * @return whether the backend knows the run and has asked for the pause; {@code false} by default
     * @since 1.1
     */
    default boolean pauseRun(String taskName, String runId) {
        return false;
    }

    /**
     * Lets a run held by {@link #pauseRun} go on.
     *
     * @return whether the backend knows the run and has asked for it to go on; {@code false} by default
     * @since 1.1
     */
    default boolean resumeRun(String taskName, String runId) {
        return false;
    }
}
