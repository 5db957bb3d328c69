package io.cascadence.temporal.impl;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
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
    static TemporalConnection open(TemporalSettings settings, RunActivities activities) throws SSLException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // gRPC and the SDK look service providers up through the context class loader; inside Felix that must be
        // this bundle's, which holds the embedded jars.
        thread.setContextClassLoader(TemporalConnection.class.getClassLoader());
        WorkflowServiceStubs stubs = null;
        ChannelThreads threads = new ChannelThreads();
        try {
            stubs = WorkflowServiceStubs.newConnectedServiceStubs(settings.stubsOptions(threads), CONNECT_TIMEOUT);
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

    TemporalSettings settings() {
        return settings;
    }

    WorkflowClient client() {
        return client;
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
