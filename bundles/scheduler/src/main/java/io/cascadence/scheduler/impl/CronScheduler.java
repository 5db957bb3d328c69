package io.cascadence.scheduler.impl;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.cascadence.api.RunHandle;
import io.cascadence.api.RunRequest;
import io.cascadence.api.spi.RunExecutor;
import io.cascadence.api.spi.SchedulerBackend;

/**
 * {@code backend = cron}, the default: runs requested now (REST, shell, command line, webhooks) go straight to
 * the core's {@link RunExecutor}, in this container, as with {@code base}. Schedules from {@code schedules.yml}
 * are kept by the registry today; their firing belongs to this backend and arrives with the cron engine.
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
