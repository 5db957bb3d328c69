package io.cascadence.examples.runs;

import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.cascadence.api.RunContext;
import io.cascadence.api.Task;
import io.cascadence.api.TaskName;
import io.cascadence.api.TaskProperties;

/**
 * Holds its worker thread for {@code {"seconds": N}} seconds (default 5), the way a task blocked on slow I/O does,
 * and gives up at once when interrupted: when the run is cancelled ({@code POST /runs/{id}/cancel}), times out (its
 * {@code cascadence.task.timeout} is 60 seconds) or Cascadence stops. Under {@code backend = temporal} a run is
 * tried twice at most when the container running it is lost ({@code cascadence.task.attempts}).
 */
@Component(service = Task.class, property = {TaskProperties.TASK_TIMEOUT + ":Integer=60",
        TaskProperties.TASK_ATTEMPTS + ":Integer=2"})
@TaskName("sleep")
public class SleepTask implements Task {

    @Override
    public Object run(RunContext context) throws InterruptedException {
        double seconds = SleepTask.seconds(context.input(), 5);
        Thread.sleep(Math.round(seconds * 1000));
        return "slept " + seconds + " s";
    }

    static double seconds(Object input, double fallback) {
        if (input instanceof Map<?, ?> map && map.get("seconds") instanceof Number number) {
            return number.doubleValue();
        }
        return fallback;
    }
}
