package io.cascadence.temporal.impl;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.BackendUnavailableException;
import io.cascadence.api.RunHandle;
import io.cascadence.api.RunRequest;
import io.cascadence.api.RunHistory;
import io.cascadence.api.RunRecord;
import io.cascadence.api.RunResult;
import io.cascadence.api.Scheduler;
import io.cascadence.api.Task;
import io.cascadence.api.UnknownRunException;
import io.cascadence.api.WorkflowHistories;
import io.cascadence.api.config.CascadenceConfig;
import io.cascadence.api.health.HealthContributor;
import io.cascadence.api.spi.RunExecutor;
import io.cascadence.api.spi.SchedulerBackend;

/**
 * {@code backend = temporal}: every run request becomes a Temporal workflow ({@link RunWorkflow}, workflow id = run
 * id) on the configured task queue, and this container's worker, like that of every installation connected to the
 * same service and queue, runs the workflows it takes through the core's {@link RunExecutor}. The connection and
 * the worker exist only while {@code backend} names {@code temporal}; a service that does not answer is retried
 * every {@value #RETRY_SECONDS} s and reported on {@code /health}, and meanwhile run requests are refused with
 * {@link BackendUnavailableException} (HTTP 503), never run elsewhere.
 *
 * <p>This class touches none of the SDK's classes ({@link TemporalConnection} does): activating it loads none, so
 * an installation that does not use Temporal pays little for the bundle.
 */
@Component(service = {SchedulerBackend.class, HealthContributor.class, WorkflowHistories.class},
        property = SchedulerBackend.NAME + "=" + TemporalSettings.BACKEND,
        configurationPid = {TemporalConfiguration.PID, "io.cascadence"})
public class TemporalBackend implements SchedulerBackend, HealthContributor, WorkflowHistories {

    static final long RETRY_SECONDS = 5;
    /** Framework property: {@code false} in the private container of a {@code bin/task} command. */
    static final String FIRES_SCHEDULES = "cascadence.schedules.fire";
    private static final Logger LOG = LoggerFactory.getLogger(TemporalBackend.class);

    private final RunExecutor executor;
    private final Scheduler scheduler;
    private final RunHistory history;
    private final CascadenceConfig config;
    private final TaskAttempts declaredAttempts = new TaskAttempts();
    private final boolean onDemandOnly;
    private final ScheduledExecutorService keeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "cascadence-temporal");
        thread.setDaemon(true);
        return thread;
    });
    /** The configured connection, or null when its values cannot be used (then {@link #invalid} says why). */
    private TemporalSettings settings;
    private String invalid;
    /** Whether backend = temporal. */
    private volatile boolean selected;
    /** Whether a run asked for Temporal under another backend ({@code ?temporal=true}) since the last change. */
    private volatile boolean demanded;
    private volatile TemporalConnection connection;
    /** Whether the component is being deactivated: a drain of the worker's runs gives way to a bounded wait. */
    private volatile boolean stopping;
    private volatile String problem;
    /** Whether the connection's worker polls; it does not while the service does not answer. Keeper thread only. */
    private boolean polling;

    @Activate
    public TemporalBackend(@Reference RunExecutor executor, @Reference Scheduler scheduler,
            @Reference RunHistory history, @Reference CascadenceConfig config, TemporalConfiguration configuration,
            BundleContext context) {
        // The private container of a bin/task command answers one command: it connects (and its worker takes runs
        // from the queue) only when a run asks for Temporal, not for task list or task config.
        this.onDemandOnly = "false".equals(context.getProperty(FIRES_SCHEDULES));
        this.executor = executor;
        this.scheduler = scheduler;
        this.history = history;
        this.config = config;
        configure(configuration);
        keeper.scheduleWithFixedDelay(this::keep, RETRY_SECONDS, RETRY_SECONDS, TimeUnit.SECONDS);
    }

    /** A change of this PID, or of {@code backend}, reconnects or disconnects on the keeper thread. */
    @Modified
    void configure(TemporalConfiguration configuration) {
        keeper.execute(() -> {
            selected = TemporalSettings.BACKEND.equals(configuration.backend());
            demanded = false;
            try {
                settings = TemporalSettings.of(configuration);
                invalid = null;
            } catch (IllegalArgumentException e) {
                settings = null;
                invalid = e.getMessage() + "; runs are refused until it is fixed";
                if (selected) {
                    LOG.error("Temporal backend: {}", invalid);
                }
            }
            problem = null;
            keep();
        });
    }

    @Reference(service = Task.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindTask(Map<String, Object> properties) {
        declaredAttempts.put(properties);
    }

    void updatedTask(Map<String, Object> properties) {
        declaredAttempts.put(properties);
    }

    void unbindTask(Map<String, Object> properties) {
        declaredAttempts.remove(properties);
    }

    /** The connection wanted now: while backend = temporal, or since a run asked for Temporal; else none. */
    private TemporalSettings wanted() {
        return (selected && !onDemandOnly) || demanded ? settings : null;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        stopping = true;
        keeper.execute(() -> {
            selected = false;
            demanded = false;
            problem = null;
            keep();
        });
        keeper.shutdown();
        keeper.awaitTermination(30, TimeUnit.SECONDS);
    }

    /** Brings the connection in line with what is wanted; on the keeper thread. */
    private void keep() {
        TemporalSettings wanted = wanted();
        if (wanted == null) {
            problem = (selected || demanded) ? invalid : null;
        }
        TemporalConnection current = connection;
        if (current != null && !current.settings().sameService(wanted)) {
            connection = null;
            // Switched away, or to another service or queue: the runs this worker is running finish here first (no
            // other worker takes them while it heartbeats), unless the bundle stops.
            current.close(stopping ? TemporalConnection.STOP_WAIT_SECONDS : Long.MAX_VALUE, () -> stopping);
            current = null;
        } else if (current != null) {
            current.settings(wanted);
        }
        if (wanted == null || current != null) {
            if (current != null) {
                boolean healthy = current.healthy();
                if (healthy != polling) {
                    polling = healthy;
                    current.polling(healthy);
                    LOG.warn("Temporal backend: the service at {} {}", wanted.describe(), healthy
                            ? "answers again" : "does not answer its health check; new runs are refused until it does");
                }
                problem = healthy ? null : "the service at " + wanted.describe() + " does not answer its health "
                        + "check; run requests are refused (503) until it does, runs already accepted wait for it";
            }
            return;
        }
        try {
            connection = TemporalConnection.open(wanted, executor, scheduler, this::stageInProgress);
            polling = true;
            problem = null;
        } catch (Exception e) { // gRPC's StatusRuntimeException, an SSLException
            String reason = problem == null || !problem.contains("cannot reach") ? null : problem;
            problem = "cannot reach Temporal at " + wanted.describe() + " (" + e.getMessage()
                    + "); run requests are refused (503) until it answers; retrying every " + RETRY_SECONDS + " s";
            if (reason == null) {
                LOG.warn("Temporal backend: {}", problem);
            }
        }
    }

    @Override
    public List<String> warnings() {
        String now = problem;
        return now == null ? List.of() : List.of("Temporal backend: " + now);
    }

    /**
     * Starts the run's workflow and answers at once with its id; the completion follows the workflow.
     *
     * @throws BackendUnavailableException while no Temporal service is connected, or when it refuses the workflow
     * @throws InvalidRequestException when a workflow with the request's run id exists
     */
    @Override
    public RunHandle submit(RunRequest request) {
        TemporalConnection now = connected();
        String fireId = FireIds.of(request);
        String runId = request.runId() != null ? request.runId()
                : fireId != null ? fireId : UUID.randomUUID().toString();
        CompletableFuture<Object> result = now.start(RunInput.of(request, runId,
                now.settings().attemptsOf(request.taskName(), declaredAttempts.of(request.taskName())),
                config.hashSecret()), fireId != null);
        CompletableFuture<RunResult> completion = result.thenApply(
                value -> new RunResult(runId, request.taskName(), value));
        return new RunHandle(runId, completion.minimalCompletionStage());
    }

    /** Cancels the run's workflow; its worker cancels the run where it is in progress. */
    @Override
    public boolean cancel(String runId) {
        TemporalConnection now = connection;
        return now != null && now.cancel(runId);
    }

    /** Signals the run's workflow; its worker holds the run where it is in progress, at its next heartbeat. */
    @Override
    public boolean pauseRun(String taskName, String runId) {
        TemporalConnection now = connection;
        return now != null && now.signal(runId, "pause");
    }

    @Override
    public boolean resumeRun(String taskName, String runId) {
        TemporalConnection now = connection;
        return now != null && now.signal(runId, "resume");
    }

    @Override
    public Outcome replay(String history) {
        return HistoryReplay.replay(history);
    }

    @Override
    public String export(String runId) {
        return connected().history(runId);
    }

    /**
     * Reads the run's workflow history over the connection there is; never connects for it. Without one under
     * another backend the run is unknown; under {@code backend = temporal}, while the service does not answer, it
     * cannot be told (at once, once the health check has failed).
     */
    @Override
    public WorkflowRun describe(String runId) {
        TemporalConnection now = connection;
        String down = problem;
        if (selected && !onDemandOnly && (now == null || down != null)) {
            throw new BackendUnavailableException(TemporalSettings.BACKEND, down != null ? down
                    : "not connected to a Temporal service yet");
        }
        if (now == null) {
            throw new UnknownRunException(runId, "No Temporal service is connected to ask for run " + runId);
        }
        RunState run = now.describe(runId);
        return new WorkflowRun(run.runId(), run.taskName(), run.trigger(), run.status(), run.stage(), run.paused());
    }

    /** The stage in progress of a run in progress here, from its record, or null. */
    private String stageInProgress(String runId) {
        List<RunRecord.StageRecord> stages = history.find(runId).map(RunRecord::stages).orElse(List.of());
        RunRecord.StageRecord last = stages.isEmpty() ? null : stages.get(stages.size() - 1);
        return last != null && "started".equals(last.status()) ? last.stage() : null;
    }

    private TemporalConnection connected() {
        TemporalConnection now = connection;
        String down = problem;
        if (now != null && down != null) {
            throw new BackendUnavailableException(TemporalSettings.BACKEND, down);
        }
        if (now == null && selected && !onDemandOnly && problem == null && settings != null) {
            // Connecting (just after a start or a change): wait for that attempt rather than refuse, so that the
            // cron fires caught up at start are not lost to it.
            awaitKeeper();
            now = connection;
        }
        if (now == null && (!selected || onDemandOnly) && !demanded) {
            // A run asks for Temporal under another backend (?temporal=true), or in a bin/task command's container:
            // connect now, and stay connected.
            demanded = true;
            keeper.execute(this::keep);
            awaitKeeper();
            now = connection;
        }
        if (now == null) {
            String why = problem;
            throw new BackendUnavailableException(TemporalSettings.BACKEND, why != null
                    ? why : "not connected to a Temporal service (backend is not temporal, or it is connecting)");
        }
        return now;
    }

    /** Waits until the keeper has done what it was asked before now (a connection attempt, say). */
    private void awaitKeeper() {
        try {
            keeper.submit(() -> { }).get(TemporalConnection.CONNECT_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            LOG.debug("Waiting for the Temporal connection: {}", e.toString());
        }
    }

}
