package io.cascadence.core.impl.runs;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

import io.cascadence.api.UnknownTaskException;
import io.cascadence.api.event.EventBus;
import io.cascadence.api.event.StageUpdate;
import io.cascadence.core.impl.RegisteredTask;
import io.cascadence.core.impl.pipeline.TaskStates;

/**
 * Pausing, resuming, disabling and enabling tasks by name. Pausing a task also holds its runs in progress before
 * their next stage, as the original does, and resuming lets them go on. Each change is published as a stage
 * update named after it ({@code paused}, {@code resumed}, {@code disabled}, {@code enabled}); a change that
 * changes nothing publishes nothing.
 */
public final class TaskControl {

    private final Function<String, Optional<RegisteredTask>> tasks;
    private final TaskStates states;
    private final RunEngine engine;
    private final EventBus events;
    private final Clock clock;

    public TaskControl(Function<String, Optional<RegisteredTask>> tasks, TaskStates states, RunEngine engine,
            EventBus events, Clock clock) {
        this.tasks = tasks;
        this.states = states;
        this.engine = engine;
        this.events = events;
        this.clock = clock;
    }

    /** @throws UnknownTaskException when no task has that name */
    public void pause(String taskName) {
        changed(taskName, "paused", states.setPaused(requireKnown(taskName), true));
        engine.pauseRunsOf(taskName);
    }

    public void resume(String taskName) {
        changed(taskName, "resumed", states.setPaused(requireKnown(taskName), false));
        engine.resumeRunsOf(taskName);
    }

    public void disable(String taskName) {
        changed(taskName, "disabled", states.setDisabled(requireKnown(taskName), true));
    }

    public void enable(String taskName) {
        changed(taskName, "enabled", states.setDisabled(requireKnown(taskName), false));
    }

    public void pauseRun(String taskName, String runId) {
        engine.pauseRun(requireKnown(taskName), runId);
    }

    public void resumeRun(String taskName, String runId) {
        engine.resumeRun(requireKnown(taskName), runId);
    }

    private String requireKnown(String taskName) {
        tasks.apply(taskName).orElseThrow(() -> new UnknownTaskException(taskName));
        return taskName;
    }

    private void changed(String taskName, String stage, boolean changed) {
        if (changed) {
            events.publish(new StageUpdate(taskName, stage, null, null, null, clock.instant()));
        }
    }
}
