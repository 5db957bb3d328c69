package io.cascadence.core.impl.pipeline;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

import io.cascadence.api.CascadenceException;
import io.cascadence.api.Identity;
import io.cascadence.api.RunHandle;
import io.cascadence.api.RunRequest;
import io.cascadence.api.RunResult;
import io.cascadence.api.Task;
import io.cascadence.api.TaskFailedException;
import io.cascadence.api.TaskStateException;
import io.cascadence.api.UnknownRunException;
import io.cascadence.api.UnknownTaskException;
import io.cascadence.api.event.StageUpdate;

/**
 * The one path every run takes: resolve the task, refuse it when it is unknown, disabled or paused, hash the
 * identity, give the run an id and run its pipeline. It keeps the pipelines in progress, so that they can be
 * paused and resumed by run id, and the tasks' paused and disabled states.
 */
public final class Orchestrator {

    private final Function<String, Optional<Task>> tasks;
    private final IdentityHasher hasher;
    private final PipelineServices services;
    private final TaskStates states;
    private final Map<String, TaskPipeline> running = new ConcurrentHashMap<>();

    /** @param tasks finds the task registered under a name */
    public Orchestrator(Function<String, Optional<Task>> tasks, IdentityHasher hasher, PipelineServices services,
            TaskStates states) {
        this.tasks = tasks;
        this.hasher = hasher;
        this.services = services;
        this.states = states;
    }

    /** Starts a run; refusals are thrown at once, the run's own failure completes the future exceptionally. */
    public RunHandle runAsync(RunRequest request) {
        String taskName = request.taskName();
        Task task = tasks.apply(taskName).orElseThrow(() -> new UnknownTaskException(taskName));
        if (states.disabled(taskName)) {
            throw new TaskStateException(taskName, "disabled");
        }
        if (states.paused(taskName)) {
            throw new TaskStateException(taskName, "paused");
        }
        Identity who = request.identity();
        String runId = request.runId() != null ? request.runId() : UUID.randomUUID().toString();
        RunSpec spec = new RunSpec(runId, taskName, who, hasher.hash(who.userId()), hasher.hash(who.groupId()),
                request.input(), request.trigger().name(), request.dueAt());
        TaskPipeline pipeline = TaskPipeline.of(task, spec, services);
        running.put(runId, pipeline);
        CompletableFuture<Object> result;
        try {
            result = pipeline.start();
        } catch (RuntimeException e) {
            running.remove(runId);
            throw e;
        }
        return new RunHandle(runId, result.handle((value, error) -> {
            running.remove(runId);
            if (error != null) {
                throw error instanceof CompletionException ? (CompletionException) error
                        : new CompletionException(error);
            }
            return new RunResult(runId, taskName, value);
        }));
    }

    /**
     * Runs and waits; a failed run is thrown as the {@link TaskFailedException} it is. Interrupting the waiting
     * thread (Ctrl-C at the console) stops the waiting, not the run.
     */
    public RunResult run(RunRequest request) {
        String taskName = request.taskName();
        RunHandle handle = runAsync(request);
        try {
            return handle.completion().toCompletableFuture().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new CompletionException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CascadenceException("Stopped waiting for run " + handle.runId() + " of '" + taskName
                    + "'; it goes on (GET /runs/" + handle.runId() + ")");
        }
    }

    public void pause(String taskName) {
        changeState(taskName, "paused", states.setPaused(requireKnown(taskName), true));
    }

    public void resume(String taskName) {
        changeState(taskName, "resumed", states.setPaused(requireKnown(taskName), false));
    }

    public void disable(String taskName) {
        changeState(taskName, "disabled", states.setDisabled(requireKnown(taskName), true));
    }

    public void enable(String taskName) {
        changeState(taskName, "enabled", states.setDisabled(requireKnown(taskName), false));
    }

    public void pauseRun(String taskName, String runId) {
        inProgress(taskName, runId).pause();
    }

    public void resumeRun(String taskName, String runId) {
        inProgress(taskName, runId).resume();
    }

    public TaskStates states() {
        return states;
    }

    /** How many runs are in progress. */
    public int inFlight() {
        return running.size();
    }

    /** A run id names one run, but it is only honoured under the task it belongs to. */
    private TaskPipeline inProgress(String taskName, String runId) {
        requireKnown(taskName);
        TaskPipeline pipeline = runId == null ? null : running.get(runId);
        if (pipeline == null || !pipeline.taskName().equals(taskName)) {
            throw new UnknownRunException(runId, "No run of '" + taskName + "' in progress with id");
        }
        return pipeline;
    }

    private String requireKnown(String taskName) {
        tasks.apply(taskName).orElseThrow(() -> new UnknownTaskException(taskName));
        return taskName;
    }

    private void changeState(String taskName, String stage, boolean changed) {
        if (changed) {
            services.events().publish(new StageUpdate(taskName, stage, null, null, null, services.clock().instant()));
        }
    }
}
