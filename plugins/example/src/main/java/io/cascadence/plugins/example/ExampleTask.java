package io.cascadence.plugins.example;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.RunContext;
import io.cascadence.api.Task;
import io.cascadence.api.CronTask;
import io.cascadence.api.TaskName;
import io.cascadence.api.TaskSchedule;

/**
 * The small example cron task that ships with Cascadence: it fires every day at noon in the scheduler's time zone
 * (the seed's {@code ExampleTask: "0 12 * * *"}) and only logs that it ran. A schedule set by a user
 * ({@code task schedule example "*}{@code /5 * * * *"}) takes precedence over the one it carries.
 */
@Component(service = Task.class)
@TaskName("example")
@TaskSchedule("0 12 * * *")
public class ExampleTask implements CronTask {

    private static final Logger LOG = LoggerFactory.getLogger(ExampleTask.class);

    @Override
    public Object run(RunContext context) {
        LOG.info("Example task executed (run {})", context.runId());
        return null;
    }
}
