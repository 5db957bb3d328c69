package io.cascadence.examples.pipeline;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import io.cascadence.api.ResearchProvider;
import io.cascadence.api.RunContext;

/**
 * A research provider: it answers the research stages of every task in the container. This one knows one
 * dictionary; a real one would search something. Without any provider installed, research stages are recorded as
 * skipped.
 */
@Component
public class StopWordsProvider implements ResearchProvider {

    @Override
    public Object research(Object query, RunContext context) {
        if (!"dictionary:en".equals(query)) {
            throw new IllegalArgumentException("no dictionary for " + query);
        }
        return List.of("the", "over");
    }
}
