package io.cascadence.examples.pipeline;

import io.cascadence.api.RunContext;
import io.cascadence.api.Task;
import io.cascadence.api.TaskName;

/**
 * Not a component: a plain task class, registered by path at run time with
 * {@code POST /tasks?path=io.cascadence.examples.pipeline:io.cascadence.examples.pipeline.DigestTask}. Its
 * {@code @TaskName} names it; pass {@code name=} to choose another name.
 */
@TaskName("digest")
public class DigestTask implements Task {

    @Override
    public Object run(RunContext context) {
        return "digest of " + context.runId();
    }
}
