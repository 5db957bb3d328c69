package io.cascadence.core.impl;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.Planner;
import io.cascadence.api.ResearchProvider;
import io.cascadence.api.RunHandle;
import io.cascadence.api.RunHistory;
import io.cascadence.api.RunQuery;
import io.cascadence.api.RunRecord;
import io.cascadence.api.RunRequest;
import io.cascadence.api.event.EventBus;
import io.cascadence.api.health.HealthContributor;
import io.cascadence.api.health.RunLoad;
import io.cascadence.api.spi.Checkpoints;
import io.cascadence.api.spi.RunExecutor;
import io.cascadence.core.impl.history.RunStore;
import io.cascadence.core.impl.pipeline.IdentityHasher;
import io.cascadence.core.impl.pipeline.PipelineServices;
import io.cascadence.core.impl.runs.ActiveRuns;
import io.cascadence.core.impl.runs.ConfiguredLimits;
import io.cascadence.core.impl.runs.RunEngine;
import io.cascadence.core.impl.runs.Runs;
import io.cascadence.core.impl.runs.TaskControl;

/**
 * The run engine and the run history as services: every backend runs tasks through the {@link RunExecutor}
 * here, and the history joins the runs in progress (in memory) with the stored ones. At start it ends the runs a
 * crash left open; at a stop it waits {@code shutdown_grace} for runs in progress, then ends them as interrupted.
 * Stages run on worker threads of their own, never on the caller's (an HTTP thread, the shell).
 */
@Component(service = {RunExecutor.class, Runs.class, RunHistory.class, HealthContributor.class, RunLoad.class},
        immediate = true)
public class RunsComponent implements Runs, RunHistory, HealthContributor, RunLoad {

    private static final Logger LOG = LoggerFactory.getLogger(RunsComponent.class);

    @Reference
    private TaskResolver tasks;

    @Reference
    private EventBus events;

    @Reference
    private CoreConfig config;

    @Reference
    private RunStore store;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ResearchProvider researchProvider;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Planner planner;

    private ExecutorService workers;
    private ScheduledExecutorService timer;
    private ActiveRuns active;
    private RunEngine engine;
    private TaskControl control;

    private BundleContext context;
    private SynchronousBundleListener stopping;

    @Activate
    void activate(BundleContext bundleContext) {
        workers = workers();
        timer = Schedulers.singleDaemon("cascadence-run-timeouts");
        // Microseconds: what the run-history database keeps, so a live record and a stored one read alike.
        Clock clock = Clock.tick(Clock.systemUTC(), Duration.of(1, ChronoUnit.MICROS));
        // The live records take the events of the runs straight from the pipelines, not as a subscriber of the
        // bus: a subscriber is unbound when the container stops, and the runs that end during the stop's grace
        // must still be recorded as they ended.
        EventBus runEvents = event -> {
            active.accept(event);
            events.publish(event);
        };
        PipelineServices services = new PipelineServices(runEvents, () -> researchProvider, () -> planner, workers,
                clock);
        active = new ActiveRuns(store::saveLater);
        engine = new RunEngine(tasks::resolve, tasks.states(), new IdentityHasher(config::hashSecret), services,
                active, store, new ConfiguredLimits(config), timer);
        control = new TaskControl(tasks::resolve, tasks.states(), engine, runEvents, clock);
        int interrupted = engine.recover();
        if (interrupted > 0) {
            LOG.warn("{} runs were left queued or running by the last stop (a crash or a kill); they are recorded "
                    + "as interrupted", interrupted);
        }
        // The framework says it is stopping before it stops any bundle: the runs in progress are given their grace
        // then, while every service and route is still there (new runs are refused with 503 meanwhile).
        context = bundleContext;
        stopping = event -> {
            if (event.getType() == BundleEvent.STOPPING && event.getBundle().getBundleId() == 0) {
                stopRuns();
            }
        };
        context.addBundleListener(stopping);
    }

    @Deactivate
    void deactivate() {
        try {
            context.removeBundleListener(stopping);
        } catch (IllegalStateException e) {
            // the bundle is stopping too: its listeners go with it
        }
        stopRuns();
        timer.shutdownNow();
        workers.shutdownNow(); // what is left are stages that ignore interruption, on daemon threads
    }

    private void stopRuns() {
        Duration grace = config.shutdownGrace();
        int ended = engine.stop(grace);
        if (ended > 0) {
            LOG.warn("Stopping: {} runs still in progress after {} s were ended as interrupted", ended,
                    grace.toMillis() / 1000.0);
        }
    }

    /** Threads come as runs need them and go after a minute idle; the engine's admission bounds how many run. */
    private static ExecutorService workers() {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread thread = new Thread(r, "cascadence-run-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(RunsComponent.class.getClassLoader());
            return thread;
        });
    }

    @Override
    public void check(RunRequest request) {
        engine.check(request);
    }

    @Override
    public RunHandle execute(RunRequest request) {
        return engine.execute(request);
    }

    @Override
    public RunHandle execute(RunRequest request, Checkpoints checkpoints) {
        return engine.execute(request, checkpoints);
    }

    @Override
    public RunHandle executeAfter(RunRequest request, List<String> prerequisites) {
        return engine.executeAfter(request, prerequisites);
    }

    @Override
    public void cancel(String runId) {
        engine.cancel(runId);
    }

    @Override
    public boolean inProgressHere(String runId) {
        return engine.inProgressHere(runId);
    }

    @Override
    public TaskControl control() {
        return control;
    }

    @Override
    public Optional<RunRecord> find(String runId) {
        return active.find(runId).or(() -> store.find(runId));
    }

    /** Stored records, with the live record of each run still in progress. */
    @Override
    public List<RunRecord> query(RunQuery query) {
        return store.query(query).stream().map(r -> active.find(r.runId()).orElse(r)).toList();
    }

    /** The stored newest runs, with the live record of each run still in progress. */
    @Override
    public Map<String, RunRecord> latest(Collection<String> taskNames, String userHash) {
        Map<String, RunRecord> newest = new HashMap<>(store.latest(taskNames, userHash));
        newest.replaceAll((task, record) -> active.find(record.runId()).orElse(record));
        return Collections.unmodifiableMap(newest);
    }

    @Override
    public Map<String, Integer> inProgress(String userHash) {
        return active.inProgress(userHash);
    }

    @Override
    public List<RunRecord> children(String runId) {
        return active.contains(runId) ? active.children(runId) : store.children(runId);
    }

    @Override
    public List<String> warnings() {
        return engine.warnings();
    }

    @Override
    public int running() {
        return engine.running();
    }

    @Override
    public int queued() {
        return engine.queued();
    }
}
