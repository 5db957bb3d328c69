package io.cascadence.examples.hello;

import org.osgi.service.component.annotations.Component;

import io.cascadence.api.RunContext;
import io.cascadence.api.Task;
import io.cascadence.api.TaskName;

/** A task named {@code hello}. Drop this bundle into {@code plugins/} and it can be run at once. */
@Component(service = Task.class)
@TaskName("hello")
public class HelloTask implements Task {

    @Override
    public Object run(RunContext context) {
        String who = context.identity().user().orElse("world");
        return "Hello, " + who + "!";
    }
}
