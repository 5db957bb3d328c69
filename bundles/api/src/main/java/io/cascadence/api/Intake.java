package io.cascadence.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The first stage: take in what the run is about. Its result is available to later stages as
 * {@link RunContext#intakeResult()}. A task implements it alongside {@link Task} when it needs it.
 */
@ConsumerType
public interface Intake {

    /** @return a value, {@code null} or a {@link java.util.concurrent.CompletionStage} of a value */
    Object intake(RunContext context) throws Exception;
}
