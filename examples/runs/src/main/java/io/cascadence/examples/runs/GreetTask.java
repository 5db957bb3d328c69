package io.cascadence.examples.runs;

import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.cascadence.api.Intake;
import io.cascadence.api.RunContext;
import io.cascadence.api.Task;
import io.cascadence.api.TaskName;

/**
 * Reads its input: {@code POST /tasks/greet/run} with the body {@code {"name": "Ada"}} answers
 * {@code "Hello, Ada!"}. Intake checks the input and hands what it found to run.
 */
@Component(service = Task.class)
@TaskName("greet")
public class GreetTask implements Intake, Task {

    @Override
    public Object intake(RunContext context) {
        if (context.input() == null) {
            return "world";
        }
        if (context.input() instanceof Map<?, ?> input && input.get("name") instanceof String name
                && !name.isBlank()) {
            return name;
        }
        throw new IllegalArgumentException("input must be a JSON object with a \"name\" string, not "
                + context.input());
    }

    @Override
    public Object run(RunContext context) {
        return "Hello, " + context.intakeResult() + "!";
    }
}
