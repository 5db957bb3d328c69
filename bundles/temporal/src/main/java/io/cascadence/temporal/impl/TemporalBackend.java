package io.cascadence.temporal.impl;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.BackendUnavailableException;
import io.cascadence.api.InvalidRequestException;
import io.cascadence.api.RunHandle;
import io.cascadence.api.RunRecord;
import io.cascadence.api.RunRequest;
import io.cascadence.api.RunResult;
import io.cascadence.api.Scheduler;
import io.cascadence.api.TaskFailedException;
import io.cascadence.api.UnknownRunException;
import io.cascadence.api.WorkflowHistories;
import io.cascadence.api.health.HealthContributor;
import io.cascadence.api.spi.RunExecutor;
import io.cascadence.api.spi.SchedulerBackend;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;

/**
 * {@code backend = temporal}: every run request becomes a Temporal workflow ({@link RunWorkflow}, workflow id = run
 * id) on the configured task queue, and this container's worker, like that of every installation connected to the
 * same service and queue, runs the workflows it takes through the core's {@link RunExecutor}. The connection and
 * the worker exist only while {@code backend} names {@code temporal}; a service that does not answer is retried
 * every {@value #RETRY_SECONDS} s and reported on {@code /health}, and meanwhile run requests are refused with
 * {@link BackendUnavailableException} (HTTP 503), never run elsewhere.
 */
@Component(service = {SchedulerBackend.class, HealthContributor.class, WorkflowHistories.class},
        property = SchedulerBackend.NAME + "=" + TemporalSettings.BACKEND,
        configurationPid = {TemporalConfiguration.PID, "io.cascadence"})
public class TemporalBackend implements SchedulerBackend, HealthContributor, WorkflowHistories {

    static final long RETRY_SECONDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(TemporalBackend.class);

    private final RunActivities activities;
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
    private volatile String problem;

    @Activate
    public TemporalBackend(@Reference RunExecutor executor, @Reference Scheduler scheduler,
            TemporalConfiguration configuration) {
        this.activities = new RunActivitiesImpl(executor, scheduler);
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
                invalid = "Temporal backend: " + e.getMessage() + "; runs are refused until it is fixed";
                if (selected) {
                    LOG.error(invalid);
                }
            }
            problem = null;
            keep();
        });
    }

    /** The connection wanted now: while backend = temporal, or since a run asked for Temporal; else none. */
    private TemporalSettings wanted() {
        return selected || demanded ? settings : null;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
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
        if (current != null && !current.settings().equals(wanted)) {
            connection = null;
            current.close();
            current = null;
        }
        if (wanted == null || current != null) {
            if (current != null) {
                problem = current.healthy() ? null : "Temporal backend: the service at " + wanted.describe()
                        + " does not answer its health check; runs already accepted wait for it";
            }
            return;
        }
        try {
            connection = TemporalConnection.open(wanted, activities);
            problem = null;
        } catch (Exception e) { // gRPC's StatusRuntimeException, an SSLException
            String reason = problem == null || !problem.contains("cannot reach") ? null : problem;
            problem = "Temporal backend: cannot reach Temporal at " + wanted.describe() + " (" + e.getMessage()
                    + "); run requests are refused (503) until it answers; retrying every " + RETRY_SECONDS + " s";
            if (reason == null) {
                LOG.warn(problem);
            }
        }
    }

    @Override
    public List<String> warnings() {
        String now = problem;
        return now == null ? List.of() : List.of(now);
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
        TemporalSettings settings = now.settings();
        String fireId = FireIds.of(request);
        String runId = request.runId() != null ? request.runId()
                : fireId != null ? fireId : UUID.randomUUID().toString();
        RunWorkflow workflow = now.client().newWorkflowStub(RunWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(runId)
                .setTaskQueue(settings.taskQueue())
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .build());
        try {
            WorkflowClient.start(workflow::run, RunInput.of(request, runId, settings.attemptsOf(request.taskName())));
        } catch (WorkflowExecutionAlreadyStarted e) {
            if (fireId == null) {
                throw new InvalidRequestException("run id '" + runId + "' is in use");
            }
            // Another installation fired the same schedule at the same due time first: its workflow is this fire.
            LOG.info("Cron fire of '{}' due {}: another installation started it as run {}; following that run",
                    request.taskName(), request.dueAt(), runId);
            workflow = now.client().newWorkflowStub(RunWorkflow.class, runId);
        } catch (RuntimeException e) {
            throw new BackendUnavailableException(TemporalSettings.BACKEND, "Temporal at " + settings.describe()
                    + " did not accept the run: " + e.getMessage());
        }
        CompletableFuture<Object> result = WorkflowStub.fromTyped(workflow).getResultAsync(Object.class);
        CompletableFuture<RunResult> completion = result.handle((value, error) -> {
            if (error != null) {
                throw new CompletionException(failure(request.taskName(), runId, unwrap(error)));
            }
            return new RunResult(runId, request.taskName(), value);
        });
        return new RunHandle(runId, completion.minimalCompletionStage());
    }

    /** Cancels the run's workflow; its worker cancels the run where it is in progress. */
    @Override
    public boolean cancel(String runId) {
        return toWorkflow(runId, stub -> stub.cancel());
    }

    /** Signals the run's workflow; its worker holds the run where it is in progress, at its next heartbeat. */
    @Override
    public boolean pauseRun(String taskName, String runId) {
        return toWorkflow(runId, stub -> stub.signal("pause"));
    }

    @Override
    public boolean resumeRun(String taskName, String runId) {
        return toWorkflow(runId, stub -> stub.signal("resume"));
    }

    /** Whether the run's workflow is there, running, and took the call. */
    private boolean toWorkflow(String runId, java.util.function.Consumer<WorkflowStub> call) {
        TemporalConnection now = connection;
        if (now == null) {
            return false;
        }
        try {
            call.accept(now.client().newUntypedWorkflowStub(runId));
            return true;
        } catch (WorkflowNotFoundException e) {
            return false; // no such workflow, or it has ended
        } catch (RuntimeException e) {
            StatusRuntimeException status = status(e);
            if (status != null && status.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return false;
            }
            throw new BackendUnavailableException(TemporalSettings.BACKEND, "Temporal at "
                    + now.settings().describe() + " did not answer: " + e.getMessage());
        }
    }

    @Override
    public Outcome replay(String history) {
        return HistoryReplay.replay(history);
    }

    @Override
    public String export(String runId) {
        TemporalConnection now = connected();
        try {
            return now.client().fetchHistory(runId).toJson(true);
        } catch (RuntimeException failure) {
            StatusRuntimeException e = status(failure);
            if (e != null && e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                throw new UnknownRunException(runId, "No workflow of a run on Temporal at "
                        + now.settings().describe() + " has the id");
            }
            throw new BackendUnavailableException(TemporalSettings.BACKEND, "Temporal at "
                    + now.settings().describe() + " did not answer: " + failure.getMessage());
        }
    }

    private static StatusRuntimeException status(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof StatusRuntimeException status) {
                return status;
            }
        }
        return null;
    }

    private TemporalConnection connected() {
        TemporalConnection now = connection;
        if (now == null && selected && problem == null && settings != null) {
            // Connecting (just after a start or a change): wait for that attempt rather than refuse, so that the
            // cron fires caught up at start are not lost to it.
            awaitKeeper();
            now = connection;
        }
        if (now == null && !selected && !demanded) {
            // A run asks for Temporal under another backend (?temporal=true): connect now, and stay connected.
            demanded = true;
            keeper.execute(this::keep);
            awaitKeeper();
            now = connection;
        }
        if (now == null) {
            String why = problem;
            throw new BackendUnavailableException(TemporalSettings.BACKEND, why != null
                    ? why.replaceFirst("^Temporal backend: ", "") : "not connected to a Temporal service (backend is not temporal, or it is connecting)");
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

    /** The run's failure as the core reports one: its stage, status and reason, from the activity's failure. */
    static TaskFailedException failure(String taskName, String runId, Throwable error) {
        Throwable cause = error instanceof WorkflowFailedException failed ? failed.getCause() : error;
        if (cause instanceof ActivityFailure activity) {
            cause = activity.getCause();
        }
        if (cause instanceof ApplicationFailure application) {
            String stage = null;
            String status = RunRecord.ERROR;
            if (RunActivities.TASK_FAILED.equals(application.getType()) && application.getDetails().getSize() >= 2) {
                stage = application.getDetails().get(0, String.class, String.class);
                status = application.getDetails().get(1, String.class, String.class);
            }
            return new TaskFailedException(taskName, runId, stage, status, application.getOriginalMessage(), null);
        }
        if (cause instanceof CanceledFailure) {
            return new TaskFailedException(taskName, runId, null, RunRecord.CANCELLED, "the workflow was cancelled",
                    null);
        }
        return new TaskFailedException(taskName, runId, null, RunRecord.ERROR,
                cause == null ? String.valueOf(error) : cause.getMessage(), null);
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
