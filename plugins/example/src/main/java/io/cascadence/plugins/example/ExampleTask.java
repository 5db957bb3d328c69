package io.cascadence.plugins.example;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.RunContext;
import io.cascadence.api.Task;
import io.cascadence.api.TaskName;

/** The small example cron task that ships with Cascadence: it only logs that it ran. */
@Component(service = Task.class)
@TaskName("example")
public class ExampleTask implements Task {

    private static final Logger LOG = LoggerFactory.getLogger(ExampleTask.class);

    @Override
    public Object run(RunContext context) {
        LOG.info("Example task executed (run {})", context.runId());
        return null;
    }
}
