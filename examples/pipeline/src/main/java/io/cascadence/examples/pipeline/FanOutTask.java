package io.cascadence.examples.pipeline;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import io.cascadence.api.ParallelPlan;
import io.cascadence.api.Plan;
import io.cascadence.api.RunContext;
import io.cascadence.api.Task;
import io.cascadence.api.TaskName;

/**
 * A plan of sub-tasks: three children run at the same time as nested pipelines (each with its own record,
 * linked to this run), and run receives their results in plan order.
 */
@Component(service = Task.class)
@TaskName("fan-out")
public class FanOutTask implements Task, Plan {

    @Override
    public Object plan(RunContext context) {
        return ParallelPlan.of(new Square(2), new Square(3), new Square(4));
    }

    @Override
    public Object run(RunContext context) {
        List<?> squares = (List<?>) context.planResult();
        return squares.stream().mapToInt(n -> (Integer) n).sum();
    }

    /** A child task: plain objects, not services; they exist only inside the parent's run. */
    record Square(int n) implements Task {
        @Override
        public Object run(RunContext context) {
            return n * n;
        }
    }
}
