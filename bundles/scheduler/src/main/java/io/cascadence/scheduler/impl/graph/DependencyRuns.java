package io.cascadence.scheduler.impl.graph;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.cascadence.api.RunHandle;
import io.cascadence.api.RunRequest;
import io.cascadence.api.spi.RunExecutor;

/**
 * Runs a task after the tasks it depends on, as the seed's {@code DagCronScheduler} does, but as one tree of runs:
 * the prerequisites, in {@link TaskGraph#order} (depth first, each once), become nested runs of the task's run, so
 * a failing prerequisite stops the rest and the task's record says which. The dependencies are read at each
 * request, so a declaration made meanwhile applies to the next run.
 */
public final class DependencyRuns {

    private final RunExecutor executor;
    private final Supplier<Map<String, List<String>>> dependencies;

    /** @param dependencies each task's declared prerequisites, read at each request */
    public DependencyRuns(RunExecutor executor, Supplier<Map<String, List<String>>> dependencies) {
        this.executor = executor;
        this.dependencies = dependencies;
    }

    /**
     * Runs the request's task after its prerequisites, or alone when it has none.
     *
     * @throws TaskGraph.CycleException when its dependencies form a cycle ({@code Cyclic dependency detected:
     *         A -> B -> A}); nothing runs and nothing is recorded
     * @throws io.cascadence.api.CascadenceException subtypes as {@link RunExecutor#executeAfter} throws them, for
     *         example when a prerequisite is not registered or is paused
     */
    public RunHandle submit(RunRequest request) {
        List<String> order = new TaskGraph(dependencies.get()).order(request.taskName());
        List<String> prerequisites = order.subList(0, order.size() - 1);
        return prerequisites.isEmpty() ? executor.execute(request) : executor.executeAfter(request, prerequisites);
    }
}
