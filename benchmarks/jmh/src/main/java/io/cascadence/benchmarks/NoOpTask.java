package io.cascadence.benchmarks;

import io.cascadence.api.Intake;
import io.cascadence.api.Plan;
import io.cascadence.api.Research;
import io.cascadence.api.ResearchProvider;
import io.cascadence.api.RunContext;
import io.cascadence.api.Task;
import io.cascadence.api.Verify;

/**
 * A task with all five stages (intake, research, plan, run, verify), each returning a constant at once: what is
 * measured is the pipeline around the stages, not the stages.
 */
public final class NoOpTask implements Intake, Research, Plan, Task, Verify {

    public static final String NAME = "noop";

    /** Answers every query with a constant, so that research is a real stage rather than a skipped one. */
    public static final ResearchProvider RESEARCH = (query, context) -> "answer";

    @Override
    public Object intake(RunContext context) {
        return "in";
    }

    @Override
    public Object research(RunContext context) {
        return "query";
    }

    @Override
    public Object plan(RunContext context) {
        return "plan";
    }

    @Override
    public Object run(RunContext context) {
        return "done";
    }

    @Override
    public Object verify(RunContext context, Object result) {
        return result;
    }
}
