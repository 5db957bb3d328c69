package io.cascadence.core.impl.pipeline;

import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import io.cascadence.api.Planner;
import io.cascadence.api.ResearchProvider;
import io.cascadence.api.event.EventBus;

/**
 * What pipelines need from around them.
 *
 * @param events where stage, audit and run events go
 * @param researchProvider the research provider in service now, or {@code null}
 * @param planner the planner in service now, or {@code null}
 * @param executor runs parallel children and continues pipelines whose stages completed on foreign threads
 * @param clock the time of events
 */
public record PipelineServices(EventBus events, Supplier<ResearchProvider> researchProvider,
        Supplier<Planner> planner, Executor executor, Clock clock) {
}
