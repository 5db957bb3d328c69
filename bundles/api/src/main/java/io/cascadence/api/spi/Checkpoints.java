package io.cascadence.api.spi;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The stages an earlier attempt of a run completed, and where this attempt's completions go: how a backend that
 * may run a run again on another machine (Temporal, after the worker running it was lost) has it go on at its next
 * stage instead of starting over. The backend implements it and hands it to
 * {@link RunExecutor#execute(io.cascadence.api.RunRequest, Checkpoints)}.
 *
 * <p>Only the top-level run's own stages are checkpointed ({@code intake}, {@code research}, {@code plan},
 * {@code precheck}, {@code run}; not {@code verify}, after which the run is over), in pipeline order, and only
 * while each result is a JSON value: maps with string keys, lists, strings, numbers, booleans and {@code null}. The
 * first stage whose result is not (a plan of sub-tasks, say) ends the checkpoints of the attempt, so what an attempt
 * records is always a prefix of the pipeline.
 *
 * @since 1.1
 */
@ConsumerType
public interface Checkpoints {

    /**
     * What an earlier attempt completed: stage name to its result, in pipeline order; empty for a first attempt.
     * A stage found here is not run again: the run's record shows it as skipped, completed by an earlier attempt,
     * and the later stages see its result as if it had just run.
     */
    Map<String, Object> completed();

    /**
     * A stage of this attempt completed with {@code value}, a JSON value. Called on the pipeline's thread, once per
     * stage, in order; it should return quickly, and what it throws is logged and ends the checkpoints of this
     * attempt without failing the run.
     */
    void completed(String stage, Object value);
}
