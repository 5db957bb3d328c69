package io.cascadence.examples.etl;

import java.util.Locale;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Component;

import io.cascadence.api.CronTask;
import io.cascadence.api.RunContext;
import io.cascadence.api.Task;
import io.cascadence.api.TaskDependencies;
import io.cascadence.api.TaskName;
import io.cascadence.api.TaskSchedule;

/** The second step: upper-cases the records. Under {@code backend = dag}, Extract runs before it. */
@Component(service = Task.class)
@TaskName("Transform")
@TaskSchedule("5 * * * *")
@TaskDependencies("Extract")
public class Transform implements CronTask {

    @Override
    public Object run(RunContext context) {
        Records.failIfAsked(context, "Transform");
        return "transformed " + Records.PEOPLE.size() + " records: "
                + Records.PEOPLE.stream().map(p -> p.toUpperCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
