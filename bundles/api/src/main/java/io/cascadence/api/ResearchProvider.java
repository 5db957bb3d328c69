package io.cascadence.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Answers the queries of {@link Research} stages (the original's {@code tino_storm}). Register one as an OSGi
 * service; with several, the highest ranked is used.
 */
@ConsumerType
public interface ResearchProvider {

    /**
     * @param query what the task's research stage returned
     * @return the answer, or a {@link java.util.concurrent.CompletionStage} of it
     */
    Object research(Object query, RunContext context) throws Exception;
}
