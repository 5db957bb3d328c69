package io.cascadence.examples.etl;

import org.osgi.service.component.annotations.Component;

import io.cascadence.api.CronTask;
import io.cascadence.api.RunContext;
import io.cascadence.api.Task;
import io.cascadence.api.TaskDependencies;
import io.cascadence.api.TaskName;
import io.cascadence.api.TaskSchedule;

/** The last step: stores the records. Under {@code backend = dag}, Extract then Transform run before it. */
@Component(service = Task.class)
@TaskName("Load")
@TaskSchedule("10 * * * *")
@TaskDependencies("Transform")
public class Load implements CronTask {

    @Override
    public Object run(RunContext context) {
        Records.failIfAsked(context, "Load");
        return "loaded " + Records.PEOPLE.size() + " records into the warehouse";
    }
}
