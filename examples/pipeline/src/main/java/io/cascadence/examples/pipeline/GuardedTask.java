package io.cascadence.examples.pipeline;

import org.osgi.service.component.annotations.Component;

import io.cascadence.api.Precheck;
import io.cascadence.api.RunContext;
import io.cascadence.api.Task;
import io.cascadence.api.TaskName;

/**
 * A precheck that only lets a run through for a user: without {@code X-User-ID} (or {@code --user-id}) the run
 * stops before its run stage and is recorded as failed at precheck.
 */
@Component(service = Task.class)
@TaskName("guarded")
public class GuardedTask implements Task, Precheck {

    @Override
    public Object precheck(RunContext context) {
        return context.userHash().isPresent();
    }

    @Override
    public Object run(RunContext context) {
        return "guarded work done";
    }
}
