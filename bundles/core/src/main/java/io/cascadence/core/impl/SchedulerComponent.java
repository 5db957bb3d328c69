package io.cascadence.core.impl;

import java.util.List;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.RunHandle;
import io.cascadence.api.RunRequest;
import io.cascadence.api.RunResult;
import io.cascadence.api.Scheduler;
import io.cascadence.api.health.HealthContributor;
import io.cascadence.api.spi.SchedulerBackend;
import io.cascadence.core.impl.runs.Runs;
import io.cascadence.core.impl.runs.SchedulerFacade;

/**
 * The {@link Scheduler} facade as a service, tracking {@link SchedulerBackend} services as they come and go.
 * Backends bound before activation wait in a list, so none is missed whatever order SCR takes.
 */
@Component(service = {Scheduler.class, HealthContributor.class}, immediate = true)
public class SchedulerComponent implements Scheduler, HealthContributor {

    private static final Logger LOG = LoggerFactory.getLogger(SchedulerComponent.class);

    private final SchedulerFacade facade;

    @Activate
    public SchedulerComponent(@Reference Runs runs, @Reference CoreConfig config) {
        facade = new SchedulerFacade(runs, config::backend);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindBackend(ServiceReference<SchedulerBackend> reference, SchedulerBackend backend) {
        String name = name(reference);
        if (name == null) {
            LOG.warn("Scheduler backend service {} from bundle {} has no valid {} property; it is ignored",
                    reference.getProperty("service.id"), reference.getBundle().getSymbolicName(),
                    SchedulerBackend.NAME);
            return;
        }
        facade.add(name, backend);
        LOG.info("Scheduler backend '{}' is installed", name);
    }

    void unbindBackend(ServiceReference<SchedulerBackend> reference, SchedulerBackend backend) {
        String name = name(reference);
        if (name != null) {
            facade.remove(name, backend);
        }
    }

    private static String name(ServiceReference<?> reference) {
        Object name = reference.getProperty(SchedulerBackend.NAME);
        return name instanceof String text && !text.isBlank() ? text.strip() : null;
    }

    @Override
    public RunHandle submit(RunRequest request) {
        return facade.submit(request);
    }

    @Override
    public RunHandle submit(RunRequest request, String backend) {
        return facade.submit(request, backend);
    }

    @Override
    public RunResult run(RunRequest request) {
        return facade.run(request);
    }

    @Override
    public void cancel(String runId) {
        facade.cancel(runId);
    }

    @Override
    public void pause(String taskName) {
        facade.pause(taskName);
    }

    @Override
    public void resume(String taskName) {
        facade.resume(taskName);
    }

    @Override
    public void disable(String taskName) {
        facade.disable(taskName);
    }

    @Override
    public void enable(String taskName) {
        facade.enable(taskName);
    }

    @Override
    public void pauseRun(String taskName, String runId) {
        facade.pauseRun(taskName, runId);
    }

    @Override
    public void resumeRun(String taskName, String runId) {
        facade.resumeRun(taskName, runId);
    }

    @Override
    public String backend() {
        return facade.backend();
    }

    @Override
    public List<String> warnings() {
        return facade.warnings();
    }
}
