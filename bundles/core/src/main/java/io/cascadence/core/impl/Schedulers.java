package io.cascadence.core.impl;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Background timers of the core: one daemon thread each, named so a thread dump says whose it is. A cancelled
 * task leaves the timer's queue at once: a run's timeout is cancelled when the run ends, and thousands of runs a
 * second with an hour's timeout must not leave millions of dead entries waiting for their hour.
 */
public final class Schedulers {

    private Schedulers() {
    }

    public static ScheduledExecutorService singleDaemon(String name) {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
