package io.cascadence.scheduler.impl;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.cascadence.api.RunHandle;
import io.cascadence.api.RunRequest;
import io.cascadence.api.spi.RunExecutor;
import io.cascadence.api.spi.SchedulerBackend;

/**
 * {@code backend = cron}, the default: every request, whether asked for now (REST, shell, command line, webhooks)
 * or a fire of a cron schedule, goes straight to the core's {@link RunExecutor}, in this container. The schedules
 * themselves and the engine that fires them belong to {@link SchedulesComponent}, shared with {@code dag}, so that
 * switching between the two loses none.
 */
@Component(service = SchedulerBackend.class, property = SchedulerBackend.NAME + "=cron")
public class CronScheduler implements SchedulerBackend {

    private final RunExecutor executor;

    @Activate
    public CronScheduler(@Reference RunExecutor executor) {
        this.executor = executor;
    }

    @Override
    public RunHandle submit(RunRequest request) {
        return executor.execute(request);
    }
}
