package io.cascadence.examples.pipeline;

import org.osgi.service.component.annotations.Component;

import io.cascadence.api.ManualTrigger;
import io.cascadence.api.RunContext;
import io.cascadence.api.TaskName;

/**
 * A manual-trigger task (the seed's {@code DemoTask}): started by hand with {@code task trigger demo} or
 * {@code POST /tasks/demo/trigger}, which refuse every task that is not a {@link ManualTrigger}.
 */
@Component(service = io.cascadence.api.Task.class)
@TaskName("demo")
public class DemoTask implements ManualTrigger {

    @Override
    public Object run(RunContext context) {
        return "demo run by " + context.identity().user().orElse("nobody in particular");
    }
}
