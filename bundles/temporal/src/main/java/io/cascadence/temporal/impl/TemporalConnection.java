package io.cascadence.temporal.impl;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.net.ssl.SSLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.BackendUnavailableException;
import io.cascadence.api.InvalidRequestException;
import io.cascadence.api.Scheduler;
import io.cascadence.api.TaskFailedException;
import io.cascadence.api.UnknownRunException;
import io.cascadence.api.spi.RunExecutor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.RpcRetryOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;

/**
 * One connection to a Temporal service and this container's worker on the task queue: what the backend owns while
 * {@code backend = temporal}. {@link #close} stops the worker and the gRPC channel and waits for their threads, so
 * that nothing of the SDK runs on after the bundle stops or the backend is switched away.
 */
final class TemporalConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TemporalConnection.class);
    /** How long connecting may take before the service counts as unreachable. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final long STOP_WAIT_SECONDS = 10;
    private static final Duration RPC_RETRY_LIMIT = Duration.ofSeconds(10);

    /** Its settings; those that do not touch the connection (attempts) change in place. */
    private volatile TemporalSettings settings;
    private final WorkflowServiceStubs stubs;
    private final WorkflowClient client;
    private final WorkerFactory workers;
    private final ChannelThreads threads;
    private final RunActivitiesImpl activities;

    private TemporalConnection(TemporalSettings settings, WorkflowServiceStubs stubs, WorkflowClient client,
            WorkerFactory workers, ChannelThreads threads, RunActivitiesImpl activities) {
        this.activities = activities;
        this.settings = settings;
        this.stubs = stubs;
        this.client = client;
        this.workers = workers;
        this.threads = threads;
    }

    /**
     * Connects, checks that the service answers, and starts the worker with the run workflow and its activities.
     *
     * @throws SSLException when the TLS files cannot be used
     * @throws RuntimeException (gRPC's {@code StatusRuntimeException}) when the service does not answer within
     *         {@link #CONNECT_TIMEOUT}
     */
    static TemporalConnection open(TemporalSettings settings, RunExecutor executor, Scheduler scheduler,
            Function<String, String> stageOf) throws SSLException {
        RunActivitiesImpl activities = new RunActivitiesImpl(executor, scheduler, stageOf);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // gRPC and the SDK look service providers up through the context class loader; inside Felix that must be
        // this bundle's, which holds the embedded jars.
        thread.setContextClassLoader(TemporalConnection.class.getClassLoader());
        WorkflowServiceStubs stubs = null;
        ChannelThreads threads = new ChannelThreads();
        try {
            // Made, then connected: when connecting fails, the stubs are there to be shut down. (Made connected, a
            // failed attempt left its channel and the SDK's reconnect timer behind, every attempt of an outage, and
            // the timer later hit the stopped event loops.)
            stubs = WorkflowServiceStubs.newServiceStubs(stubsOptions(settings, threads));
            stubs.connect(CONNECT_TIMEOUT);
            WorkflowClient client = WorkflowClient.newInstance(stubs,
                    WorkflowClientOptions.newBuilder().setNamespace(settings.namespace()).build());
            // Checked often, so that a stop's wait for the worker ends soon after its last run does.
            WorkerFactory workers = WorkerFactory.newInstance(client, WorkerFactoryOptions.newBuilder()
                    .setShutdownCheckInterval(Duration.ofMillis(100)).build());
            // No sticky execution: a workflow's next task (its completion after a failover, a query) goes to any
            // worker of the queue, never waits on the cache of a worker that was lost. A run's workflow is a few
            // events; replaying it costs less than that wait.
            Worker worker = workers.newWorker(settings.taskQueue(), WorkerOptions.newBuilder()
                    .setStickyQueueScheduleToStartTimeout(Duration.ZERO).build());
            worker.registerWorkflowImplementationTypes(RunWorkflowImpl.class);
            worker.registerActivitiesImplementations(activities);
            workers.start();
            LOG.info("Temporal backend: connected to {}; this container's worker polls task queue {}",
                    settings.describe(), settings.taskQueue());
            return new TemporalConnection(settings, stubs, client, workers, threads, activities);
        } catch (RuntimeException | SSLException e) {
            if (stubs != null) {
                stubs.shutdownNow();
                stubs.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            }
            activities.close();
            threads.close();
            throw e;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * The service stubs' options: the target, with TLS the SSL context, and the channel's threads, which the caller
     * owns and stops.
     */
    private static WorkflowServiceStubsOptions stubsOptions(TemporalSettings settings, ChannelThreads threads)
            throws SSLException {
        WorkflowServiceStubsOptions.Builder options = WorkflowServiceStubsOptions.newBuilder()
                .setTarget(settings.target()).setChannelInitializer(threads::apply)
                // A call retries for 10 s, not the SDK's minute: a caller gets its 503 while it still waits for one.
                .setRpcRetryOptions(RpcRetryOptions.newBuilder(RpcRetryOptions.getDefaultInstance())
                        .setExpiration(RPC_RETRY_LIMIT).validateBuildWithDefaults());
        if (settings.tls()) {
            SslContextBuilder ssl = GrpcSslContexts.forClient();
            if (settings.cert() != null) {
                ssl.keyManager(settings.cert().toFile(), settings.key().toFile());
            }
            if (settings.ca() != null) {
                ssl.trustManager(settings.ca().toFile());
            }
            SslContext context = ssl.build();
            options.setSslContext(context);
        }
        return options.build();
    }

    TemporalSettings settings() {
        return settings;
    }

    /** Takes new attempts; {@code changed} must reach the {@link TemporalSettings#sameService same service}. */
    void settings(TemporalSettings changed) {
        settings = changed;
    }

    /**
     * Starts a run's workflow ({@link RunWorkflow}, workflow id = the run id) and answers its result to come.
     *
     * @param followIfStarted for a cron fire: when the workflow exists already (another installation fired the
     *        same schedule at the same due time first), follow it instead of refusing
     * @return the workflow's result, or a failure with the run's {@link TaskFailedException}
     * @throws InvalidRequestException when a workflow with the run id exists (and it is not to be followed)
     * @throws BackendUnavailableException when the service does not take the workflow
     */
    CompletableFuture<Object> start(RunInput input, boolean followIfStarted) {
        String runId = input.runId();
        RunWorkflow workflow = client.newWorkflowStub(RunWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(runId)
                .setTaskQueue(settings.taskQueue())
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .build());
        try {
            WorkflowClient.start(workflow::run, input);
        } catch (WorkflowExecutionAlreadyStarted e) {
            if (!followIfStarted) {
                throw new InvalidRequestException("run id '" + runId + "' is in use");
            }
            LOG.info("Cron fire of '{}' due {}: another installation started it as run {}; following that run",
                    input.taskName(), input.dueAt(), runId);
            workflow = client.newWorkflowStub(RunWorkflow.class, runId);
        } catch (RuntimeException e) {
            throw new BackendUnavailableException(TemporalSettings.BACKEND, "Temporal at " + settings.describe()
                    + " did not accept the run: " + reason(e));
        }
        return WorkflowStub.fromTyped(workflow).getResultAsync(Object.class).handle((value, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                throw new CompletionException(RunFailures.of(input.taskName(), runId, cause));
            }
            return value;
        });
    }

    /** Cancels a run's workflow; false when there is none running. */
    boolean cancel(String runId) {
        return toWorkflow(runId, WorkflowStub::cancel);
    }

    /** Signals a run's workflow; false when there is none running. */
    boolean signal(String runId, String signal) {
        return toWorkflow(runId, stub -> stub.signal(signal));
    }

    private boolean toWorkflow(String runId, Consumer<WorkflowStub> call) {
        try {
            call.accept(client.newUntypedWorkflowStub(runId));
            return true;
        } catch (WorkflowNotFoundException e) {
            return false; // no such workflow, or it has ended
        } catch (RuntimeException e) {
            if (notFound(e)) {
                return false;
            }
            throw new BackendUnavailableException(TemporalSettings.BACKEND, "Temporal at " + settings.describe()
                    + " did not answer: " + reason(e));
        }
    }

    /**
     * A run's workflow history, as JSON.
     *
     * @throws UnknownRunException when the service has no workflow with that id
     * @throws BackendUnavailableException when it does not answer
     */
    String history(String runId) {
        try {
            return client.fetchHistory(runId).toJson(true);
        } catch (RuntimeException e) {
            if (notFound(e)) {
                throw unknown(runId);
            }
            throw new BackendUnavailableException(TemporalSettings.BACKEND, "Temporal at " + settings.describe()
                    + " did not answer: " + reason(e));
        }
    }

    /**
     * A run as its workflow's history tells it ({@link WorkflowRuns}).
     *
     * @throws UnknownRunException when the service has no run workflow with that id
     * @throws BackendUnavailableException when it does not answer
     */
    RunState describe(String runId) {
        List<HistoryEvent> events;
        try {
            events = client.fetchHistory(runId).getEvents();
        } catch (RuntimeException e) {
            if (notFound(e)) {
                throw unknown(runId);
            }
            throw new BackendUnavailableException(TemporalSettings.BACKEND, "Temporal at " + settings.describe()
                    + " did not answer: " + reason(e));
        }
        return WorkflowRuns.describe(runId, events).orElseThrow(() -> unknown(runId));
    }

    private UnknownRunException unknown(String runId) {
        return new UnknownRunException(runId, "No workflow of a run on Temporal at " + settings.describe()
                + " has the id");
    }

    /** What went wrong, in the words of the innermost cause (the SDK's own messages name the call, not the cause). */
    static String reason(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean notFound(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof StatusRuntimeException status) {
                return status.getStatus().getCode() == Status.Code.NOT_FOUND;
            }
        }
        return false;
    }

    /**
     * Stops or resumes polling the task queue: while the service does not answer, every poll fails and logs a
     * warning, several a second; runs in progress here go on either way.
     */
    void polling(boolean on) {
        if (on) {
            workers.resumePolling();
        } else {
            workers.suspendPolling();
        }
    }

    /** Whether the service answers its health check now. */
    boolean healthy() {
        try {
            return stubs.healthCheck().getStatus().getNumber() == 1; // SERVING
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Stops the worker, waiting up to {@value #STOP_WAIT_SECONDS} s for the runs it is running. */
    @Override
    public void close() {
        close(STOP_WAIT_SECONDS, () -> false);
    }

    /**
     * Stops taking runs from the task queue, lets the runs this worker is running finish (they go on heartbeating,
     * so no other worker takes them, and their results reach their workflows) for up to {@code drainSeconds}, or
     * until {@code hurry} says to stop waiting; then stops the worker, interrupting what still runs, closes the
     * channel and waits for the SDK's threads, which must not outlive the bundle.
     *
     * @param drainSeconds how long the runs in progress here may take to finish; {@link Long#MAX_VALUE} for as long as
     *        they take
     * @param hurry asked while waiting: true to stop waiting (the bundle is stopping)
     */
    void close(long drainSeconds, BooleanSupplier hurry) {
        // Suspended, not shut down: a worker being shut down sends no more heartbeats, and after 10 s without one
        // Temporal would give its runs to another worker.
        workers.suspendPolling();
        long started = System.nanoTime();
        long reported = started;
        long limit = TimeUnit.SECONDS.toNanos(drainSeconds); // saturates at Long.MAX_VALUE
        while (activities.inFlight() > 0 && !hurry.getAsBoolean() && System.nanoTime() - started < limit) {
            sleep(100);
            if (System.nanoTime() - reported > TimeUnit.SECONDS.toNanos(30)) {
                reported = System.nanoTime();
                LOG.info("Temporal backend: waiting for the {} runs this worker is running to finish before "
                        + "disconnecting from {}", activities.inFlight(), settings.describe());
            }
        }
        workers.shutdown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_WAIT_SECONDS);
        while (!workers.isTerminated() && System.nanoTime() < deadline) {
            workers.awaitTermination(100, TimeUnit.MILLISECONDS);
        }
        if (!workers.isTerminated()) {
            LOG.warn("Temporal backend: interrupting the runs this worker is still running; Temporal gives them to "
                    + "another worker after {} s without a heartbeat", RunWorkflowImpl.HEARTBEAT_TIMEOUT.toSeconds());
            workers.shutdownNow();
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_WAIT_SECONDS);
            while (!workers.isTerminated() && System.nanoTime() < deadline) {
                workers.awaitTermination(100, TimeUnit.MILLISECONDS);
            }
        }
        activities.close();
        stubs.shutdown();
        if (!stubs.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
            stubs.shutdownNow();
        }
        threads.close();
        LOG.info("Temporal backend: disconnected from {}", settings.describe());
    }
}
