package io.cascadence.scheduler.impl;

import java.time.ZoneId;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.RunHandle;
import io.cascadence.api.RunRequest;
import io.cascadence.api.spi.RunExecutor;
import io.cascadence.api.spi.SchedulerBackend;

/**
 * {@code backend = cron}, the default: runs requested now (REST, shell, command line, webhooks) go straight to
 * the core's {@link RunExecutor}, in this container, as with {@code base}. Schedules from {@code schedules.yml}
 * are kept by the registry today; their firing belongs to this backend and arrives with the cron engine, which
 * evaluates them in the configured time zone.
 */
@Component(service = SchedulerBackend.class, property = SchedulerBackend.NAME + "=cron",
        configurationPid = SchedulerConfiguration.PID)
@Designate(ocd = SchedulerConfiguration.class)
public class CronScheduler implements SchedulerBackend {

    private static final Logger LOG = LoggerFactory.getLogger(CronScheduler.class);

    private final RunExecutor executor;
    private volatile ZoneId zone;

    @Activate
    public CronScheduler(@Reference RunExecutor executor, SchedulerConfiguration config) {
        this.executor = executor;
        this.zone = Zones.of(config.timezone());
        LOG.info("Cron scheduler: time zone {}", zone);
    }

    /** A new time zone applies at once; the scheduler is not restarted for it. */
    @Modified
    void modified(SchedulerConfiguration config) {
        ZoneId next = Zones.of(config.timezone());
        if (!next.equals(zone)) {
            zone = next;
            LOG.info("Cron scheduler: time zone {} from now on", next);
        }
    }

    /** The zone cron expressions are evaluated in. */
    ZoneId zone() {
        return zone;
    }

    @Override
    public RunHandle submit(RunRequest request) {
        return executor.execute(request);
    }
}
