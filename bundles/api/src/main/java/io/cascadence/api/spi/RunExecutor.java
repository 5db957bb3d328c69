package io.cascadence.api.spi;

import java.util.List;

import io.cascadence.api.RunHandle;
import io.cascadence.api.RunRequest;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs tasks here, in this container, through the pipeline: the one way any scheduler backend runs a task. The
 * core provides it. It enforces what holds for every run whatever its backend: unknown, paused and disabled tasks
 * are refused; each run is recorded in the run history before {@link #execute} returns; at most the configured
 * number of runs execute at once on a bounded worker pool and at most the configured number wait; a task's
 * timeout and a user's cancellation end a run; a stop of Cascadence ends the runs in progress as interrupted.
 *
 * <p>A backend decides when and where a run happens (now, at a cron fire, on a Temporal worker) and calls this
 * where the task is to run.
 */
@ProviderType
public interface RunExecutor {

    /**
     * Says whether a run of the request's task could start now, without starting one.
     *
     * @throws io.cascadence.api.UnknownTaskException when no task has the request's name
     * @throws io.cascadence.api.TaskStateException when the task is paused or disabled
     */
    void check(RunRequest request);

    /**
     * Accepts a run, records it as queued (durably, before returning) and runs it on a worker as soon as one is
     * free. Never runs a stage on the calling thread.
     *
     * @return the run's id and its completion: the result, or a {@link io.cascadence.api.TaskFailedException}
     * @throws io.cascadence.api.UnknownTaskException when no task has the request's name
     * @throws io.cascadence.api.TaskStateException when the task is paused or disabled
     * @throws io.cascadence.api.RunRejectedException when the worker pool and its queue are full, or Cascadence is
     *         stopping
     * @throws io.cascadence.api.InvalidRequestException when the request's run id is in use
     */
    RunHandle execute(RunRequest request);

    /**
     * As {@link #execute(RunRequest)}, going on from the stages an earlier attempt of the run completed and
     * reporting the stages this attempt completes (see {@link Checkpoints}). The default ignores the checkpoints.
     *
     * @param checkpoints what an earlier attempt completed, and where this one's completions go
     * @since 1.1
     */
    default RunHandle execute(RunRequest request, Checkpoints checkpoints) {
        return execute(request);
    }

    /**
     * Runs a task after its prerequisites, all as one tree of runs: the way the {@code dag} backend runs a task
     * whose declared dependencies must run first. The request's task is the parent run: it is checked, accepted and
     * recorded as queued (durably, before returning) exactly as by {@link #execute}, and it takes one worker slot
     * for the whole tree. Once it has a worker, it runs each prerequisite, in the order given, as a nested run of
     * its own, then its own stages:
     * <ul>
     * <li>a prerequisite's run has the id {@code parentId.N} (N from 1, in the order given), the parent's id as
     * its {@code parentRunId}, the prerequisite's registered name as its task name and the trigger
     * {@code dependency} ({@link io.cascadence.api.Trigger#DEPENDENCY}), which says why it ran (the parent's record
     * keeps the trigger that asked for the tree). It goes through the normal pipeline with the parent's identity,
     * input and due time, and is recorded in the run history like any nested run (stored with the parent, before
     * it);</li>
     * <li>the parent's record shows a {@code dependency} stage, before its intake, spanning its prerequisites;
     * nested runs of the parent's own plan are numbered after the prerequisites;</li>
     * <li>the first prerequisite that does not succeed stops the tree: no later prerequisite runs, nor any stage of
     * the parent. The parent ends as {@code error} with failed stage {@code dependency} and the error
     * {@code prerequisite 'NAME' failed: REASON} (the prerequisite's own record has its stage and reason), and
     * the completion fails with a {@link io.cascadence.api.TaskFailedException} saying the same;</li>
     * <li>cancelling the parent, its timeout or a stop ends the prerequisite in progress too (recorded with the
     * same status); a prerequisite cannot be cancelled alone. The tree's timeout is the sum of the timeouts of
     * its tasks (none when any of them has none);</li>
     * <li>pausing the parent's task, or its run, holds the tree before its next stage or prerequisite.</li>
     * </ul>
     * Each prerequisite runs once, at its first mention; with none this is {@link #execute}. Whether the
     * prerequisites may run now is checked here, at submission, like the task itself: when one cannot, nothing is
     * recorded and nothing runs.
     *
     * @param request the run of the task that needs the prerequisites
     * @param prerequisites the names of the registered tasks to run first, in order (for example from
     *        {@code TaskGraph.order(task)} without its last element); empty for none
     * @return the parent run's id and its completion: its result, or a {@link io.cascadence.api.TaskFailedException}
     * @throws io.cascadence.api.UnknownTaskException when no task has the request's name or a prerequisite's name;
     *         the message names it
     * @throws io.cascadence.api.TaskStateException when the task or a prerequisite is paused or disabled
     * @throws io.cascadence.api.RunRejectedException as for {@link #execute}
     * @throws io.cascadence.api.InvalidRequestException when the request's run id is in use, a prerequisite name is
     *         blank, the list is {@code null}, or the task is named as its own prerequisite
     */
    RunHandle executeAfter(RunRequest request, List<String> prerequisites);
}
