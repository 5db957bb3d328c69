package io.cascadence.temporal.impl;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

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
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;

/**
 * One connection to a Temporal service and this container's worker on the task queue: what the backend owns while
 * {@code backend = temporal}. {@link #close} stops the worker and the gRPC channel and waits for their threads, so
 * that nothing of the SDK runs on after the bundle stops or the backend is switched away.
 */
final class TemporalConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TemporalConnection.class);
    /** How long connecting may take before the service counts as unreachable. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final long STOP_WAIT_SECONDS = 10;

    private final TemporalSettings settings;
    private final WorkflowServiceStubs stubs;
    private final WorkflowClient client;
    private final WorkerFactory workers;
    private final ChannelThreads threads;

    private TemporalConnection(TemporalSettings settings, WorkflowServiceStubs stubs, WorkflowClient client,
            WorkerFactory workers, ChannelThreads threads) {
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
    static TemporalConnection open(TemporalSettings settings, RunExecutor executor, Scheduler scheduler)
            throws SSLException {
        RunActivities activities = new RunActivitiesImpl(executor, scheduler);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // gRPC and the SDK look service providers up through the context class loader; inside Felix that must be
        // this bundle's, which holds the embedded jars.
        thread.setContextClassLoader(TemporalConnection.class.getClassLoader());
        WorkflowServiceStubs stubs = null;
        ChannelThreads threads = new ChannelThreads();
        try {
            stubs = WorkflowServiceStubs.newConnectedServiceStubs(stubsOptions(settings, threads), CONNECT_TIMEOUT);
            WorkflowClient client = WorkflowClient.newInstance(stubs,
                    WorkflowClientOptions.newBuilder().setNamespace(settings.namespace()).build());
            WorkerFactory workers = WorkerFactory.newInstance(client);
            Worker worker = workers.newWorker(settings.taskQueue());
            worker.registerWorkflowImplementationTypes(RunWorkflowImpl.class);
            worker.registerActivitiesImplementations(activities);
            workers.start();
            LOG.info("Temporal backend: connected to {}; this container's worker polls task queue {}",
                    settings.describe(), settings.taskQueue());
            return new TemporalConnection(settings, stubs, client, workers, threads);
        } catch (RuntimeException | SSLException e) {
            if (stubs != null) {
                stubs.shutdownNow();
                stubs.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            }
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
                .setTarget(settings.target()).setChannelInitializer(threads::apply);
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
                    + " did not accept the run: " + e.getMessage());
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
                    + " did not answer: " + e.getMessage());
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
                throw new UnknownRunException(runId, "No workflow of a run on Temporal at " + settings.describe()
                        + " has the id");
            }
            throw new BackendUnavailableException(TemporalSettings.BACKEND, "Temporal at " + settings.describe()
                    + " did not answer: " + e.getMessage());
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

    /** Whether the service answers its health check now. */
    boolean healthy() {
        try {
            return stubs.healthCheck().getStatus().getNumber() == 1; // SERVING
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        workers.shutdown();
        try {
            workers.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            LOG.warn("Temporal worker did not stop cleanly: {}", e.toString());
        }
        stubs.shutdown();
        if (!stubs.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
            stubs.shutdownNow();
        }
        threads.close();
        LOG.info("Temporal backend: disconnected from {}", settings.describe());
    }
}
