package io.cascadence.core.impl.runs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.cascadence.api.Identity;
import io.cascadence.api.InvalidRequestException;
import io.cascadence.api.RunRecord;
import io.cascadence.api.RunRequest;
import io.cascadence.api.TaskStateException;
import io.cascadence.api.UnknownTaskException;
import io.cascadence.api.spi.Checkpoints;
import io.cascadence.core.impl.RegisteredTask;
import io.cascadence.core.impl.pipeline.IdentityHasher;
import io.cascadence.core.impl.pipeline.PipelineServices;
import io.cascadence.core.impl.pipeline.Prerequisite;
import io.cascadence.core.impl.pipeline.RunControl;
import io.cascadence.core.impl.pipeline.RunSpec;
import io.cascadence.core.impl.pipeline.TaskPipeline;
import io.cascadence.core.impl.pipeline.TaskStates;

/**
 * Turns a run request into what the engine runs: checks its task and the prerequisites to run before it, hashes
 * who asked, builds the pipeline and the record the run is accepted with. Nothing is recorded or started here, so
 * a refused request leaves no trace.
 */
final class ExecutionFactory {

    /** An accepted run before it is recorded: what the engine holds, and its record as queued. */
    record Accepted(Execution execution, RunRecord queued, int prerequisites) {
    }

    private final Function<String, Optional<RegisteredTask>> tasks;
    private final TaskStates states;
    private final IdentityHasher hasher;
    private final PipelineServices services;
    private final RunEngine.Limits limits;

    ExecutionFactory(Function<String, Optional<RegisteredTask>> tasks, TaskStates states, IdentityHasher hasher,
            PipelineServices services, RunEngine.Limits limits) {
        this.tasks = tasks;
        this.states = states;
        this.hasher = hasher;
        this.services = services;
        this.limits = limits;
    }

    /** @throws UnknownTaskException, TaskStateException when the task cannot run now */
    RegisteredTask check(String name) {
        RegisteredTask task = tasks.apply(name).orElseThrow(() -> new UnknownTaskException(name));
        if (states.disabled(name)) {
            throw new TaskStateException(name, "disabled");
        }
        if (states.paused(name)) {
            throw new TaskStateException(name, "paused");
        }
        return task;
    }

    /**
     * The run of {@code request} under {@code runId}, running {@code prerequisites} first (each once, in the order
     * of their first mention).
     *
     * @throws UnknownTaskException, TaskStateException when the task or one of its prerequisites cannot run now
     * @throws InvalidRequestException when a prerequisite is blank or is the task itself
     */
    Accepted create(RunRequest request, String runId, List<String> prerequisites) {
        return create(request, runId, prerequisites, null);
    }

    /** As {@link #create(RunRequest, String, List)}, going on from {@code checkpoints} ({@code null}: none). */
    Accepted create(RunRequest request, String runId, List<String> prerequisites, Checkpoints checkpoints) {
        String name = request.taskName();
        RegisteredTask task = check(name);
        List<RegisteredTask> before = prerequisites(name, prerequisites);
        Identity who = request.identity();
        String userHash = hasher.hash(who.userId());
        String groupHash = hasher.hash(who.groupId());
        RunSpec spec = new RunSpec(runId, name, who, userHash, groupHash, request.input(), request.trigger().name(),
                request.dueAt());
        RunControl control = new RunControl();
        TaskPipeline pipeline = TaskPipeline.of(task.task(), spec, services, control,
                before.stream().map(t -> new Prerequisite(t.name(), t.task())).toList(), checkpoints);
        Execution execution = new Execution(runId, name, pipeline, control, timeout(task, before));
        RunRecord queued = new RunRecord(runId, name, null, request.trigger().name(), RunRecord.QUEUED,
                services.clock().instant(), null, null, request.dueAt(), userHash, groupHash,
                InputPreview.of(request.input()), null, null, null, List.of());
        return new Accepted(execution, queued, before.size());
    }

    private List<RegisteredTask> prerequisites(String taskName, List<String> names) {
        if (names == null) {
            throw new InvalidRequestException("the prerequisites of '" + taskName + "' are missing; pass an empty "
                    + "list for none");
        }
        List<RegisteredTask> found = new ArrayList<>();
        for (String name : new LinkedHashSet<>(names)) {
            if (name == null || name.isBlank()) {
                throw new InvalidRequestException("a prerequisite of '" + taskName + "' has no name");
            }
            if (name.equals(taskName)) {
                throw new InvalidRequestException("task '" + taskName + "' cannot be its own prerequisite");
            }
            found.add(check(name));
        }
        return found;
    }

    /**
     * The whole tree runs under one timeout: the sum of its tasks' timeouts, so that each task keeps the time it
     * is allowed alone; no limit when any of them has none.
     */
    private Duration timeout(RegisteredTask task, List<RegisteredTask> prerequisites) {
        Duration total = limits.timeoutOf(task);
        for (RegisteredTask prerequisite : prerequisites) {
            Duration own = limits.timeoutOf(prerequisite);
            if (total.isZero() || own.isZero()) {
                return Duration.ZERO;
            }
            total = total.plus(own);
        }
        return total;
    }
}
