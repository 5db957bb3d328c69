package io.cascadence.core.impl.runs;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

import io.cascadence.api.RunResult;
import io.cascadence.core.impl.pipeline.RunControl;
import io.cascadence.core.impl.pipeline.TaskPipeline;

/** One accepted run as the engine holds it: queued, then running, until its record is stored. */
final class Execution {

    enum State { QUEUED, RUNNING, ENDED }

    final String runId;
    final String taskName;
    final TaskPipeline pipeline;
    final RunControl control;
    final Duration timeout;
    final CompletableFuture<RunResult> outcome = new CompletableFuture<>();
    volatile State state = State.QUEUED;
    volatile Instant startedAt;
    volatile Instant endedAt;
    volatile ScheduledFuture<?> timer;
    /** Whether it holds one of the running slots; guarded by {@link Admission}'s monitor. */
    boolean holdsSlot;

    Execution(String runId, String taskName, TaskPipeline pipeline, RunControl control, Duration timeout) {
        this.runId = runId;
        this.taskName = taskName;
        this.pipeline = pipeline;
        this.control = control;
        this.timeout = timeout;
    }

    void cancelTimer() {
        ScheduledFuture<?> current = timer;
        if (current != null) {
            current.cancel(false);
        }
    }
}
