package io.cascadence.core.impl.runs;

import io.cascadence.api.spi.RunExecutor;

/** The core's run engine as the scheduler facade sees it: the executor, plus cancelling runs and task control. */
public interface Runs extends RunExecutor {

    /** See {@link io.cascadence.api.Scheduler#cancel}. */
    void cancel(String runId);

    /** Whether this container runs that run now (queued for a worker or running, and not ended). */
    boolean inProgressHere(String runId);

    /** Pausing, resuming, disabling and enabling tasks and single runs. */
    TaskControl control();
}
