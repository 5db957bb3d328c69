package io.cascadence.scheduler.impl;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

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
@Component(service = SchedulerBackend.class, property = SchedulerBackend.NAME + "=dag")
public class DagCronScheduler implements SchedulerBackend {

    /** Optional and dynamic: the backend runs tasks alone rather than not at all while it is away. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Schedules schedules;

    private final DependencyRuns runs;

    @Activate
    public DagCronScheduler(@Reference RunExecutor executor) {
        this.runs = new DependencyRuns(executor, this::dependencies);
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
