package io.cascadence.core.impl;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.cascadence.api.Identity;
import io.cascadence.api.RunResult;
import io.cascadence.api.Scheduler;
import io.cascadence.api.UnknownTaskException;

/** The in-memory backend: runs tasks on demand, on the caller's thread. */
@Component(service = Scheduler.class, property = "cascadence.scheduler.backend=base")
public class BaseSchedulerComponent implements Scheduler {

    private final TaskRunner runner = new TaskRunner();

    @Reference
    private TaskResolver tasks;

    @Override
    public RunResult run(String taskName, Identity identity) {
        RegisteredTask task = tasks.resolve(taskName).orElseThrow(() -> new UnknownTaskException(taskName));
        return runner.run(task, identity == null ? Identity.ANONYMOUS : identity);
    }

    @Override
    public String backend() {
        return "base";
    }
}
