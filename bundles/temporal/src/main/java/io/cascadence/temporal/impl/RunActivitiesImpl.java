package io.cascadence.temporal.impl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.CascadenceException;
import io.cascadence.api.RunHandle;
import io.cascadence.api.RunRequest;
import io.cascadence.api.RunResult;
import io.cascadence.api.Scheduler;
import io.cascadence.api.TaskFailedException;
import io.cascadence.api.spi.Checkpoints;
import io.cascadence.api.spi.RunExecutor;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import io.temporal.client.ActivityWorkerShutdownException;
import io.temporal.failure.ApplicationFailure;

/**
 * Runs a workflow's task in this container through the core's {@link RunExecutor}, so its run record, events and
 * metrics are those of a local run. A later attempt (after the worker of the first was lost) runs as
 * {@code RUNID@N}, N the attempt, since the first attempt's record keeps the run id, and goes on from the stages
 * the earlier attempt checkpointed ({@link Progress}). At each heartbeat a {@link RunFollower} keeps the run and its
 * workflow in step (pause and resume, the stage in progress).
 */
final class RunActivitiesImpl implements RunActivities {

    private static final Logger LOG = LoggerFactory.getLogger(RunActivitiesImpl.class);
    private static final long HEARTBEAT_EVERY_MS = 2_000;

    private final RunExecutor executor;
    private final Scheduler scheduler;
    private final Function<String, String> stageOf;
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Where the runs' {@link RunFollower} checks run, so that no heartbeat waits for one. */
    private final ExecutorService checks = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "cascadence-temporal-follow");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param stageOf the stage in progress of a run in progress here, by run id, or {@code null} when none is
     */
    RunActivitiesImpl(RunExecutor executor, Scheduler scheduler, Function<String, String> stageOf) {
        this.executor = executor;
        this.scheduler = scheduler;
        this.stageOf = stageOf;
    }

    /** Stops the checks' threads; after the worker has stopped. */
    void close() {
        checks.shutdownNow();
        try {
            checks.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many runs this worker is running now. */
    int inFlight() {
        return inFlight.get();
    }

    @Override
    public Object runTask(RunInput input) {
        inFlight.incrementAndGet();
        try {
            return run(input);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private Object run(RunInput input) {
        ActivityExecutionContext context = Activity.getExecutionContext();
        int attempt = context.getInfo().getAttempt();
        RunRequest request = input.toRequest();
        if (attempt > 1) {
            request = request.withRunId(input.runId() + "@" + attempt);
        }
        Progress progress = new Progress(context);
        RunHandle handle;
        try {
            handle = executor.execute(request, progress);
        } catch (CascadenceException e) {
            throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), REFUSED, e.getClass().getSimpleName());
        }
        CompletableFuture<RunResult> done = handle.completion().toCompletableFuture();
        RunFollower follower = new RunFollower(context.getWorkflowClient(), context.getInfo().getWorkflowId(),
                input.taskName(), handle.runId(), scheduler, stageOf, checks);
        while (true) {
            try {
                return json(done.get(HEARTBEAT_EVERY_MS, TimeUnit.MILLISECONDS).result());
            } catch (TimeoutException e) {
                heartbeat(context, handle.runId(), done, progress);
                follower.check();
            } catch (ExecutionException e) {
                throw failure(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                scheduler.cancel(handle.runId());
                throw ApplicationFailure.newFailure("the worker was stopped during the run", "WorkerStopped");
            }
        }
    }

    /** Tells Temporal the run goes on; a cancelled workflow (or a lost one) cancels the run here. */
    private void heartbeat(ActivityExecutionContext context, String runId, CompletableFuture<RunResult> done,
            Progress progress) {
        try {
            context.heartbeat(progress.snapshot());
        } catch (ActivityWorkerShutdownException e) {
            // The worker is stopping: the run goes on until it ends or the stop interrupts it.
            LOG.debug("Run {}: no heartbeat while the worker stops", runId);
        } catch (ActivityCompletionException e) {
            LOG.info("Run {}: its workflow was cancelled or is gone ({}); cancelling the run", runId,
                    e.getClass().getSimpleName());
            try {
                scheduler.cancel(runId);
            } catch (CascadenceException ended) {
                LOG.debug("Run {} had ended: {}", runId, ended.getMessage());
            }
            done.exceptionally(error -> null).join();
            throw e;
        }
    }

    private static ApplicationFailure failure(Throwable cause) {
        if (cause instanceof TaskFailedException failed) {
            return ApplicationFailure.newNonRetryableFailure(failed.getMessage(), TASK_FAILED, failed.stage(),
                    failed.status());
        }
        return ApplicationFailure.newNonRetryableFailure(TaskFailedException.messageOf(cause), TASK_FAILED, null,
                "error");
    }

    /**
     * The run's checkpoints as the activity's heartbeat details: Temporal keeps the last details a worker sent and
     * hands them to the next attempt, on whichever worker, so the run goes on at its next stage there. The SDK sends
     * heartbeats at most every 8 s (0.8 of the heartbeat timeout): a stage completed just before the worker was lost
     * may run again.
     */
    static final class Progress implements Checkpoints {

        private final ActivityExecutionContext context;
        private final Map<String, Object> earlier;
        private final Map<String, Object> now = new LinkedHashMap<>();

        @SuppressWarnings("unchecked")
        Progress(ActivityExecutionContext context) {
            this.context = context;
            Map<String, Object> details = context.getHeartbeatDetails(Map.class).orElse(null);
            this.earlier = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
            if (!earlier.isEmpty()) {
                LOG.info("Run {} attempt {}: going on after the stages {} completed by an earlier attempt",
                        context.getInfo().getWorkflowId(), context.getInfo().getAttempt(), earlier.keySet());
            }
        }

        @Override
        public Map<String, Object> completed() {
            return earlier;
        }

        @Override
        public void completed(String stage, Object value) {
            Map<String, Object> details;
            synchronized (now) {
                now.put(stage, value);
                details = new LinkedHashMap<>(now);
            }
            try {
                context.heartbeat(details);
            } catch (ActivityCompletionException e) {
                LOG.debug("Run {}: heartbeat after {}: {}", context.getInfo().getWorkflowId(), stage, e.toString());
            }
        }

        Map<String, Object> snapshot() {
            synchronized (now) {
                return new LinkedHashMap<>(now);
            }
        }
    }

    /** The result as a JSON value: maps, lists, strings, numbers, booleans and null pass; anything else as text. */
    static Object json(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), json(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(RunActivitiesImpl::json).toList();
        }
        return String.valueOf(value);
    }
}
