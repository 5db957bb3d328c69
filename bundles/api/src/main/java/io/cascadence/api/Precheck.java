package io.cascadence.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The last check before {@link Task#run}: return {@code true} to go on. Returning {@code false}, or throwing,
 * stops the run before its run stage; the run is recorded as failed at the precheck stage, with the exception's
 * message as the reason ("precheck failed" for {@code false}).
 */
@ConsumerType
public interface Precheck {

    /** @return {@code true}, {@code false}, or a {@link java.util.concurrent.CompletionStage} of one of them */
    Object precheck(RunContext context) throws Exception;
}
