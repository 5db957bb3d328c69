package io.cascadence.examples.runs;

import org.osgi.service.component.annotations.Component;

import io.cascadence.api.RunContext;
import io.cascadence.api.Task;
import io.cascadence.api.TaskName;

/**
 * What not to do: it holds its thread for {@code {"seconds": N}} seconds (default 30) and ignores interruption.
 * Cancelling it, its timeout or a stop of Cascadence still end the run at once, and its late result is thrown
 * away; until it returns, {@code GET /health} warns that its stage still holds a thread, and a stop does not
 * wait for it beyond the grace period.
 */
@Component(service = Task.class)
@TaskName("stubborn")
public class StubbornTask implements Task {

    @Override
    public Object run(RunContext context) {
        long until = System.nanoTime() + Math.round(SleepTask.seconds(context.input(), 30) * 1e9);
        while (System.nanoTime() < until) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException ignored) {
                // deliberately ignored: this task shows what Cascadence does with such tasks
            }
        }
        return "done at last";
    }
}
