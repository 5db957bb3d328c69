package io.cascadence.examples.pipeline;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Component;

import io.cascadence.api.RunContext;
import io.cascadence.api.Task;
import io.cascadence.api.TaskName;
import io.cascadence.api.Verify;

/**
 * A run that takes two seconds without holding a thread while it waits: start it with
 * {@code POST /tasks/slow/run-async}, then pause it by run id ({@code POST /tasks/slow/pause?run_id=…}); it stops
 * before verify until it is resumed.
 */
@Component(service = Task.class)
@TaskName("slow")
public class SlowTask implements Task, Verify {

    @Override
    public CompletionStage<Object> run(RunContext context) {
        return CompletableFuture.supplyAsync(() -> "slept",
                CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS));
    }

    @Override
    public Object verify(RunContext context, Object result) {
        return result + " and verified";
    }
}
