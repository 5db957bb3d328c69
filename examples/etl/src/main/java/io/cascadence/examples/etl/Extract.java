package io.cascadence.examples.etl;

import org.osgi.service.component.annotations.Component;

import io.cascadence.api.CronTask;
import io.cascadence.api.RunContext;
import io.cascadence.api.Task;
import io.cascadence.api.TaskName;
import io.cascadence.api.TaskSchedule;

/** The first step: reads the records. It needs nothing before it; it runs at minute 0 of every hour. */
@Component(service = Task.class)
@TaskName("Extract")
@TaskSchedule("0 * * * *")
public class Extract implements CronTask {

    @Override
    public Object run(RunContext context) {
        Records.failIfAsked(context, "Extract");
        return "extracted " + Records.PEOPLE.size() + " records: " + String.join(", ", Records.PEOPLE);
    }
}
