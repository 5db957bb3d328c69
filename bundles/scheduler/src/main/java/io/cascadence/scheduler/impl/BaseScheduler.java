package io.cascadence.scheduler.impl;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.cascadence.api.RunHandle;
import io.cascadence.api.RunRequest;
import io.cascadence.api.spi.RunExecutor;
import io.cascadence.api.spi.SchedulerBackend;

/**
 * {@code backend = base}: the seed's simple in-memory scheduler. It runs each request at once, in this container,
 * through the core's {@link RunExecutor}; it keeps no schedules.
 */
@Component(service = SchedulerBackend.class, property = SchedulerBackend.NAME + "=base")
public class BaseScheduler implements SchedulerBackend {

    private final RunExecutor executor;

    @Activate
    public BaseScheduler(@Reference RunExecutor executor) {
        this.executor = executor;
    }

    @Override
    public RunHandle submit(RunRequest request) {
        return executor.execute(request);
    }
}
