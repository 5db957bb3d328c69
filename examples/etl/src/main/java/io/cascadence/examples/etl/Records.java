package io.cascadence.examples.etl;

import java.util.List;
import java.util.Map;

import io.cascadence.api.RunContext;

/**
 * What the three tasks share. Tasks of a graph cannot hand data to each other (each is a run of its own), so each
 * works on the same fixed records and says what it did.
 */
final class Records {

    static final List<String> PEOPLE = List.of("ada", "grace", "linus");

    private Records() {
    }

    /**
     * Fails the task when the run's input asks for it ({@code {"fail": "Extract"}}), to show what a failing
     * prerequisite does to the task that needs it. A prerequisite's run has the input of the run that needed it.
     */
    static void failIfAsked(RunContext context, String task) {
        if (context.input() instanceof Map<?, ?> input && task.equals(input.get("fail"))) {
            throw new IllegalStateException(task + " failed because the input asked it to");
        }
    }
}
