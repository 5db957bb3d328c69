package io.cascadence.examples.pipeline;

import org.osgi.service.component.annotations.Component;

import io.cascadence.api.PointerTask;
import io.cascadence.api.RunContext;
import io.cascadence.api.TaskName;

/**
 * A pointer task (the seed's {@code family_pointer}): users record which of its runs are theirs with
 * {@code POST /pointers/family_pointer?run_id=…} and list them with {@code GET /pointers/family_pointer}.
 */
@Component(service = io.cascadence.api.Task.class)
@TaskName("family_pointer")
public class FamilyPointerTask implements PointerTask {

    @Override
    public Object run(RunContext context) {
        return "shared with the family";
    }
}
