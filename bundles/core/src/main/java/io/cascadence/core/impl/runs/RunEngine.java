package io.cascadence.core.impl.runs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.InvalidRequestException;
import io.cascadence.api.RunHandle;
import io.cascadence.api.RunRecord;
import io.cascadence.api.RunRequest;
import io.cascadence.api.spi.Checkpoints;
import io.cascadence.api.RunResult;
import io.cascadence.api.RunStateException;
import io.cascadence.api.StoreUnavailableException;
import io.cascadence.api.TaskFailedException;
import io.cascadence.api.UnknownRunException;
import io.cascadence.api.event.TaskRunEvent;
import io.cascadence.core.impl.RegisteredTask;
import io.cascadence.core.impl.history.RunStore;
import io.cascadence.core.impl.pipeline.Futures;
import io.cascadence.core.impl.pipeline.IdentityHasher;
import io.cascadence.core.impl.pipeline.PipelineServices;
import io.cascadence.core.impl.pipeline.RunControl;
import io.cascadence.core.impl.pipeline.TaskStates;

/**
 * Where every run executes: admission (at most {@code max_concurrent_runs} running, at most
 * {@code run_queue_capacity} waiting, the rest refused), a durable record before the caller hears of the run,
 * the pipeline on a worker thread (never the caller's), timeouts, cancellation, and a stop that ends what is left
 * as interrupted. A run's outcome is given to its caller only once its final record is stored.
 */
public final class RunEngine {

    /** What the engine reads at each use, so that configuration edits apply to the next run. */
    public interface Limits {

        int maxConcurrent();

        int queueCapacity();

        /** How long a run of the task may take; zero for no limit. */
        Duration timeoutOf(RegisteredTask task);
    }

    /** How long accepting a run may wait for its record to be written before the run is refused. */
    static final Duration ADMISSION_TIMEOUT = Duration.ofSeconds(10);
    /** How long a stop waits for the records of the runs it ended. */
    static final Duration FINAL_WRITE_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(RunEngine.class);

    private final TaskStates states;
    private final PipelineServices services;
    private final ActiveRuns active;
    private final RunStore store;
    private final ScheduledExecutorService timer;

    private final ExecutionFactory factory;
    private final Admission admission;
    private final Map<String, Execution> executions = new ConcurrentHashMap<>();
    private final Map<String, Execution> lingering = new ConcurrentHashMap<>();

    public RunEngine(Function<String, Optional<RegisteredTask>> tasks, TaskStates states, IdentityHasher hasher,
            PipelineServices services, ActiveRuns active, RunStore store, Limits limits,
            ScheduledExecutorService timer) {
        this.states = states;
        this.services = services;
        this.active = active;
        this.store = store;
        this.timer = timer;
        this.factory = new ExecutionFactory(tasks, states, hasher, services, limits);
        this.admission = new Admission(limits::maxConcurrent, limits::queueCapacity);
    }

    /**
     * Ends the records a crash left queued or running; call once before the first run.
     *
     * @return how many it ended
     */
    public int recover() {
        return store.interruptUnfinished("Cascadence stopped (a crash or a kill) while the run was queued or "
                + "running", services.clock().instant());
    }

    /**
     * @throws io.cascadence.api.UnknownTaskException, io.cascadence.api.TaskStateException when the task cannot
     *         run now
     */
    public RegisteredTask check(RunRequest request) {
        return factory.check(request.taskName());
    }

    /** See {@link io.cascadence.api.spi.RunExecutor#execute}. */
    public RunHandle execute(RunRequest request) {
        return executeAfter(request, List.of());
    }

    /** See {@link io.cascadence.api.spi.RunExecutor#execute(RunRequest, Checkpoints)}. */
    public RunHandle execute(RunRequest request, Checkpoints checkpoints) {
        return start(request, List.of(), checkpoints);
    }

    /** See {@link io.cascadence.api.spi.RunExecutor#executeAfter}. */
    public RunHandle executeAfter(RunRequest request, List<String> prerequisites) {
        return start(request, prerequisites, null);
    }

    private RunHandle start(RunRequest request, List<String> prerequisites, Checkpoints checkpoints) {
        String runId = request.runId() != null ? request.runId() : UUID.randomUUID().toString();
        ExecutionFactory.Accepted accepted = factory.create(request, runId, prerequisites, checkpoints);
        if (request.runId() != null && (executions.containsKey(runId) || active.contains(runId)
                || store.find(runId).isPresent())) {
            throw new InvalidRequestException("run id '" + runId + "' is in use");
        }
        admission.reserve();
        Execution execution = accepted.execution();
        try {
            record(accepted);
        } catch (RuntimeException e) {
            admission.unreserve();
            throw e;
        }
        if (admission.admit(execution)) {
            dispatch(execution);
        }
        return new RunHandle(runId, execution.outcome.minimalCompletionStage());
    }

    /** Writes the run's queued record; the run is known from now on, or refused when it cannot be recorded. */
    private void record(ExecutionFactory.Accepted accepted) {
        Execution execution = accepted.execution();
        String runId = execution.runId;
        executions.put(runId, execution);
        active.begin(accepted.queued(), accepted.prerequisites());
        try {
            store.save(List.of(accepted.queued())).get(ADMISSION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            executions.remove(runId);
            active.forget(runId);
            String why = e instanceof ExecutionException ? TaskFailedException.messageOf(e.getCause())
                    : e instanceof TimeoutException ? "no answer within " + ADMISSION_TIMEOUT.toSeconds() + " s"
                    : "interrupted";
            throw new StoreUnavailableException("The run of '" + execution.taskName + "' was not started because "
                    + "the run history cannot record it: " + why, e);
        }
    }

    private void dispatch(Execution execution) {
        execution.state = Execution.State.RUNNING;
        execution.startedAt = services.clock().instant();
        active.dispatched(execution.runId, execution.startedAt);
        if (!execution.timeout.isZero()) {
            execution.timer = timer.schedule(() -> abort(execution, RunRecord.TIMED_OUT,
                    "the run took longer than its timeout of " + Durations.text(execution.timeout)),
                    execution.timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        if (states.paused(execution.taskName)) {
            execution.pipeline.pause(); // the task was paused while this run waited: hold it before its intake
        }
        try {
            services.executor().execute(() -> start(execution));
        } catch (RejectedExecutionException e) {
            abort(execution, RunRecord.INTERRUPTED, "Cascadence stopped before the run started");
        }
    }

    private void start(Execution execution) {
        CompletableFuture<Object> result;
        try {
            result = execution.pipeline.start();
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        result.whenComplete((value, error) -> finished(execution, value, error));
    }

    private void finished(Execution execution, Object value, Throwable error) {
        if (execution.control.cancelled()) {
            lingering.remove(execution.runId); // its stage returned at last; the run was ended and stored before
            return;
        }
        execution.cancelTimer();
        execution.state = Execution.State.ENDED;
        execution.endedAt = services.clock().instant();
        releaseSlot(execution);
        List<RunRecord> records = active.tree(execution.runId, null, null, null);
        store.save(records).whenCompleteAsync((ok, saveError) -> {
            active.forget(execution.runId);
            executions.remove(execution.runId);
            if (saveError != null) {
                execution.outcome.completeExceptionally(notRecorded(execution, saveError));
            } else if (error == null) {
                execution.outcome.complete(new RunResult(execution.runId, execution.taskName, value));
            } else {
                execution.outcome.completeExceptionally(Futures.unwrap(error));
            }
        }, services.executor());
    }

    /**
     * Ends a run from outside: cancelled, timed out or interrupted. Its stage in progress is interrupted, no later
     * stage runs, and its record is stored with {@code status} and {@code reason}.
     *
     * @return false when the run had ended already
     */
    private boolean abort(Execution execution, String status, String reason) {
        if (!execution.control.end(status, reason)) {
            return false;
        }
        Instant now = services.clock().instant();

        execution.cancelTimer();
        execution.state = Execution.State.ENDED;
        execution.endedAt = now;
        execution.pipeline.release();
        if (!execution.control.busyThreads().isEmpty()) {
            lingering.put(execution.runId, execution);
        }
        RunRecord record = active.find(execution.runId).orElse(null);
        services.events().publish(new TaskRunEvent(execution.taskName, execution.runId, null, status, null, reason,
                null, record == null || record.startedAt() == null ? now : record.startedAt(), now,
                record == null ? null : record.userHash(), record == null ? null : record.groupHash(),
                record == null ? null : record.dueAt()));
        releaseSlot(execution);
        List<RunRecord> records = active.tree(execution.runId, status, reason, now);
        String stage = records.isEmpty() ? null : records.get(records.size() - 1).failedStage();
        store.save(records).whenCompleteAsync((ok, saveError) -> {
            active.forget(execution.runId);
            executions.remove(execution.runId);
            execution.outcome.completeExceptionally(saveError != null ? notRecorded(execution, saveError)
                    : new TaskFailedException(execution.taskName, execution.runId, stage, status, reason, null));
        }, services.executor());
        LOG.info("Run {} of '{}' ended as {}: {}", execution.runId, execution.taskName, status, reason);
        return true;
    }

    private void releaseSlot(Execution execution) {
        Execution next = admission.release(execution);
        if (next != null) {
            dispatch(next);
        }
    }

    /** See {@link io.cascadence.api.Scheduler#cancel}. */
    public void cancel(String runId) {
        Execution execution = runId == null ? null : executions.get(runId);
        if (execution == null) {
            Optional<RunRecord> ended = active.find(runId).or(() -> store.find(runId));
            if (ended.isPresent() && !ended.get().ended() && runId.indexOf('.') > 0) {
                String top = runId.substring(0, runId.indexOf('.'));
                throw new RunStateException(runId, "Run " + runId + " is a nested run of run " + top
                        + "; cancel run " + top + " to end it");
            }
            if (ended.isPresent()) {
                throw new RunStateException(runId, "Run " + runId + " has already ended ("
                        + ended.get().status() + ")");
            }
            throw new UnknownRunException(runId, "Unknown run");
        }
        if (!abort(execution, RunRecord.CANCELLED, "cancelled")) {
            throw new RunStateException(runId, "Run " + runId + " has already ended");
        }
    }

    /** Whether this engine runs that run now (waiting for a worker or running, and not ended). */
    public boolean inProgressHere(String runId) {
        Execution execution = runId == null ? null : executions.get(runId);
        return execution != null && !execution.control.cancelled();
    }

    /** Holds one run in progress (or waiting) before its next stage. */
    public void pauseRun(String taskName, String runId) {
        inProgress(taskName, runId).pipeline.pause();
    }

    public void resumeRun(String taskName, String runId) {
        inProgress(taskName, runId).pipeline.resume();
    }

    /** Holds every run of the task in progress before its next stage (the task was paused). */
    public void pauseRunsOf(String taskName) {
        runsOf(taskName).forEach(e -> e.pipeline.pause());
    }

    /** Lets the held runs of the task go on (the task was resumed). */
    public void resumeRunsOf(String taskName) {
        runsOf(taskName).forEach(e -> e.pipeline.resume());
    }

    private List<Execution> runsOf(String taskName) {
        return executions.values().stream()
                .filter(e -> e.taskName.equals(taskName) && !e.control.cancelled())
                .toList();
    }

    private Execution inProgress(String taskName, String runId) {
        Execution execution = runId == null ? null : executions.get(runId);
        if (execution == null || !execution.taskName.equals(taskName) || execution.control.cancelled()) {
            throw new UnknownRunException(runId, "No run of '" + taskName + "' in progress with id");
        }
        return execution;
    }

    /** Runs queued or running, and runs ended whose record is being written. */
    public int inFlight() {
        return executions.size();
    }

    /** Runs holding a worker. */
    public int running() {
        return admission.running();
    }

    /** Runs waiting for a worker. */
    public int queued() {
        return admission.queued();
    }

    /** What is wrong now: runs that were ended but whose stage still holds a thread. */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        Instant now = services.clock().instant();
        for (Execution execution : lingering.values()) {
            if (execution.control.busyThreads().isEmpty()) {
                lingering.remove(execution.runId);
                continue;
            }
            RunControl.Ending ending = execution.control.ending();
            warnings.add("Run " + execution.runId + " of task '" + execution.taskName + "' ended ("
                    + ending.status() + ") " + Durations.text(Duration.between(execution.endedAt, now))
                    + " ago, but its stage still holds a thread: the task ignores interruption");
        }
        return warnings;
    }

    /**
     * Stops: refuses new runs, waits up to {@code grace} for the runs in progress to end, then ends the rest as
     * interrupted and waits (boundedly) for their records.
     *
     * @return how many runs it ended
     */
    public int stop(Duration grace) {
        admission.stop();
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            while (!executions.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<CompletableFuture<RunResult>> outcomes = new ArrayList<>();
        int ended = 0;
        for (Execution execution : List.copyOf(executions.values())) {
            String reason = execution.state == Execution.State.QUEUED
                    ? "Cascadence stopped before the run started"
                    : "Cascadence stopped while the run was in progress";
            if (abort(execution, RunRecord.INTERRUPTED, reason)) {
                ended++;
            }
            outcomes.add(execution.outcome);
        }
        try {
            CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new))
                    .get(FINAL_WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // each outcome failed as it should: the runs were interrupted
        } catch (TimeoutException e) {
            LOG.error("The records of {} interrupted runs were not written within {} s; they will be ended as "
                    + "interrupted at the next start", outcomes.size(), FINAL_WRITE_TIMEOUT.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ended;
    }

    private static StoreUnavailableException notRecorded(Execution execution, Throwable error) {
        Throwable cause = Futures.unwrap(error);
        return new StoreUnavailableException("Run " + execution.runId + " of '" + execution.taskName + "' ended but "
                + "its record could not be written: " + TaskFailedException.messageOf(cause), cause);
    }

}
