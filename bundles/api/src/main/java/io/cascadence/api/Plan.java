package io.cascadence.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The plan stage. What it returns is handed to {@link Task#run} and {@link Verify#verify} as
 * {@link RunContext#planResult()}, except when it returns sub-tasks:
 * <ul>
 * <li>a {@link java.util.List} whose elements are all {@link Task}s: they run one after the other as nested
 * pipelines, and the list of their results becomes the plan result;</li>
 * <li>a {@link ParallelPlan}: its tasks run at the same time, and the list of their results, in the plan's order,
 * becomes the plan result.</li>
 * </ul>
 * A task without a plan stage is planned by the {@link Planner} service when one is installed; otherwise the stage
 * is recorded as skipped.
 */
@ConsumerType
public interface Plan {

    /** @return the plan, sub-tasks, {@code null} or a {@link java.util.concurrent.CompletionStage} of one */
    Object plan(RunContext context) throws Exception;
}
