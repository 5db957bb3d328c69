package io.cascadence.scheduler.impl;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.RunHandle;
import io.cascadence.api.RunRequest;
import io.cascadence.api.schedule.Schedules;
import io.cascadence.api.spi.RunExecutor;
import io.cascadence.api.spi.SchedulerBackend;
import io.cascadence.scheduler.impl.graph.DependencyRuns;

/**
 * {@code backend = dag}: the seed's {@code DagCronScheduler}, cron plus task dependencies. Every request (REST,
 * shell, command line, webhook, or a cron fire, which reaches backends through the facade too) runs the task after
 * its declared prerequisites, as nested runs of its own run; see {@link DependencyRuns}. The declarations come from
 * the {@link Schedules} service ({@code schedules.yml} {@code deps}, the API, and the tasks'
 * {@code cascadence.task.dependencies} property); while it is missing, tasks run without prerequisites.
 */
@Component(service = SchedulerBackend.class, property = SchedulerBackend.NAME + "=dag",
        configurationPid = SchedulerConfiguration.PID)
// No @Designate: CronScheduler designates this PID's definition already, and metatype allows one per PID.
public class DagCronScheduler implements SchedulerBackend {

    private static final Logger LOG = LoggerFactory.getLogger(DagCronScheduler.class);

    /** Optional and dynamic: the backend runs tasks alone rather than not at all while it is away. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Schedules schedules;

    private final DependencyRuns runs;
    private volatile ZoneId zone;

    @Activate
    public DagCronScheduler(@Reference RunExecutor executor, SchedulerConfiguration config) {
        this.runs = new DependencyRuns(executor, this::dependencies);
        this.zone = Zones.of(config.timezone());
        LOG.info("Dag scheduler: time zone {}", zone);
    }

    /** A new time zone applies at once; the scheduler is not restarted for it. */
    @Modified
    void modified(SchedulerConfiguration config) {
        ZoneId next = Zones.of(config.timezone());
        if (!next.equals(zone)) {
            zone = next;
            LOG.info("Dag scheduler: time zone {} from now on", next);
        }
    }

    /** The zone cron expressions are evaluated in. */
    ZoneId zone() {
        return zone;
    }

    @Override
    public RunHandle submit(RunRequest request) {
        return runs.submit(request);
    }

    private Map<String, List<String>> dependencies() {
        Schedules current = schedules;
        return current == null ? Map.of() : current.dependencies();
    }
}
