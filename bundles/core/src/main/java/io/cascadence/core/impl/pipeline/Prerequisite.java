package io.cascadence.core.impl.pipeline;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

import io.cascadence.api.Task;
import io.cascadence.api.TaskFailedException;

/**
 * A registered task to run, as a nested run, before the stages of the run that needs it.
 *
 * @param taskName the name it is registered under, which its nested run carries
 * @param task the task
 */
public record Prerequisite(String taskName, Task task) {

    /**
     * Runs each prerequisite once its predecessor has succeeded; the first that does not succeed ends the chain
     * with a {@link StageFailure} of the {@code dependency} stage that names it, and no later one starts.
     *
     * @param start starts the nested run of the {@code index}-th (from 1) prerequisite
     */
    static CompletableFuture<Object> runInOrder(List<Prerequisite> prerequisites,
            BiFunction<Integer, Prerequisite, CompletableFuture<Object>> start) {
        CompletableFuture<Object> done = CompletableFuture.completedFuture(null);
        for (int i = 0; i < prerequisites.size(); i++) {
            int index = i + 1;
            Prerequisite prerequisite = prerequisites.get(i);
            done = done.thenCompose(previous -> start.apply(index, prerequisite)).handle((value, error) -> {
                if (error != null) {
                    throw prerequisite.failure(error);
                }
                return null;
            });
        }
        return done;
    }

    /**
     * Why the run that needed it cannot go on: the prerequisite's own failure, named. A failure that is the
     * run's already (an earlier prerequisite's, or the run's end from outside at its pause gate) is kept as it is.
     */
    StageFailure failure(Throwable error) {
        Throwable cause = Futures.unwrap(error);
        if (cause instanceof StageFailure known) {
            return known;
        }
        return new StageFailure(TaskPipeline.DEPENDENCY, "prerequisite '" + taskName + "' failed: "
                + TaskFailedException.messageOf(cause), cause);
    }
}
