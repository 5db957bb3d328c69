package io.cascadence.examples.pipeline;

import io.cascadence.api.RunContext;
import io.cascadence.api.Task;
import io.cascadence.api.TaskName;

/**
 * Not a component: a task class whose constructor takes four seconds, as one that loads a model or warms a cache
 * might. Register it by path
 * ({@code POST /tasks?path=io.cascadence.examples.pipeline:io.cascadence.examples.pipeline.SlowStartTask}): that
 * request waits for the constructor, while other registrations and requests go on as usual.
 */
@TaskName("slow-start")
public class SlowStartTask implements Task {

    /** How long the constructor takes. */
    public static final long START_MILLIS = 4000;

    public SlowStartTask() throws InterruptedException {
        Thread.sleep(START_MILLIS);
    }

    @Override
    public Object run(RunContext context) {
        return "started slowly";
    }
}
