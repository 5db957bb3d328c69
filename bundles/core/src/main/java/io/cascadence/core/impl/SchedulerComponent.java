package io.cascadence.core.impl;

import java.time.Clock;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.cascadence.api.Planner;
import io.cascadence.api.RunHandle;
import io.cascadence.api.ResearchProvider;
import io.cascadence.api.RunRequest;
import io.cascadence.api.RunResult;
import io.cascadence.api.RunStateException;
import io.cascadence.api.Scheduler;
import io.cascadence.api.config.CascadenceConfig;
import io.cascadence.api.event.EventBus;
import io.cascadence.core.impl.pipeline.IdentityHasher;
import io.cascadence.core.impl.pipeline.Orchestrator;
import io.cascadence.core.impl.pipeline.PipelineServices;

/**
 * The in-memory backend: runs tasks on demand through their pipelines. Research providers and planners are
 * optional and dynamic; the highest ranked one in service is used at each run.
 */
@Component(service = Scheduler.class, property = "cascadence.scheduler.backend=base")
public class SchedulerComponent implements Scheduler {

    @Reference
    private TaskResolver tasks;

    @Reference
    private EventBus events;

    @Reference
    private CascadenceConfig config;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ResearchProvider researchProvider;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Planner planner;

    private ForkJoinPool executor;
    private Orchestrator orchestrator;

    @Activate
    void activate() {
        executor = new ForkJoinPool(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), pool -> {
            ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            thread.setName("cascadence-pipeline-" + thread.getPoolIndex());
            thread.setContextClassLoader(SchedulerComponent.class.getClassLoader());
            return thread;
        }, null, true);
        PipelineServices services = new PipelineServices(events, () -> researchProvider, () -> planner, executor,
                Clock.systemUTC());
        orchestrator = new Orchestrator(name -> tasks.resolve(name).map(RegisteredTask::task),
                new IdentityHasher(config::hashSecret), services, tasks.states());
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Override
    public RunResult run(RunRequest request) {
        return orchestrator.run(request);
    }

    @Override
    public RunHandle submit(RunRequest request) {
        return orchestrator.runAsync(request);
    }

    @Override
    public void cancel(String runId) {
        throw new RunStateException(runId, "Runs cannot be cancelled yet");
    }

    @Override
    public void pause(String taskName) {
        orchestrator.pause(taskName);
    }

    @Override
    public void resume(String taskName) {
        orchestrator.resume(taskName);
    }

    @Override
    public void disable(String taskName) {
        orchestrator.disable(taskName);
    }

    @Override
    public void enable(String taskName) {
        orchestrator.enable(taskName);
    }

    @Override
    public void pauseRun(String taskName, String runId) {
        orchestrator.pauseRun(taskName, runId);
    }

    @Override
    public void resumeRun(String taskName, String runId) {
        orchestrator.resumeRun(taskName, runId);
    }

    @Override
    public String backend() {
        return "base";
    }
}
