package io.cascadence.core.impl;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Background timers of the core: one daemon thread each, named so a thread dump says whose it is. */
public final class Schedulers {

    private Schedulers() {
    }

    public static ScheduledExecutorService singleDaemon(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
