package io.cascadence.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The final stage: check, and possibly transform, what the run stage produced. Its return value is the result of
 * the run; throwing fails the run at the verify stage.
 */
@ConsumerType
public interface Verify {

    /**
     * @param result what {@link Task#run} returned
     * @return the run's final result, or a {@link java.util.concurrent.CompletionStage} of it
     */
    Object verify(RunContext context, Object result) throws Exception;
}
