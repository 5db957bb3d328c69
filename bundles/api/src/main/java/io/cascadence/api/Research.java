package io.cascadence.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The research stage: the task says what to look up, and the {@link ResearchProvider} service answers. The
 * answer is available to the plan and later stages as {@link RunContext#researchResult()}. Research is advisory:
 * when no provider is installed the stage is recorded as skipped, and when research fails the failure is recorded
 * and the run goes on without an answer.
 */
@ConsumerType
public interface Research {

    /** @return the query for the research provider, or a {@link java.util.concurrent.CompletionStage} of it */
    Object research(RunContext context) throws Exception;
}
