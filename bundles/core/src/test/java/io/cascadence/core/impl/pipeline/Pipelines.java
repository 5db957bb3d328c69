package io.cascadence.core.impl.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import io.cascadence.api.Identity;
import io.cascadence.api.Planner;
import io.cascadence.api.ResearchProvider;
import io.cascadence.api.Task;
import io.cascadence.api.TaskFailedException;
import io.cascadence.api.event.EventBus;

/** Builds pipelines and their services for tests. */
final class Pipelines {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC);
    static final Executor DIRECT = Runnable::run;
    static final String RUN_ID = "run-1";
    static final String NAME = "job";

    private Pipelines() {
    }

    /** Services with a direct executor and neither research provider nor planner. */
    static PipelineServices services(EventBus bus) {
        return services(bus, null, null, DIRECT);
    }

    static PipelineServices services(EventBus bus, ResearchProvider provider, Planner planner, Executor executor) {
        return new PipelineServices(bus, () -> provider, () -> planner, executor, CLOCK);
    }

    static TaskPipeline pipeline(Task task, PipelineServices services) {
        return TaskPipeline.of(task, new RunSpec(RUN_ID, NAME, Identity.ANONYMOUS, null, null, null, "api", null), services);
    }

    /** Runs {@code task} as run {@link #RUN_ID} of {@link #NAME} and waits (briefly) for its result. */
    static Object runToEnd(Task task, PipelineServices services) throws Exception {
        return pipeline(task, services).start().get(5, TimeUnit.SECONDS);
    }

    /** The {@link TaskFailedException} a run's future failed with; fails the test when it did not fail so. */
    static TaskFailedException taskFailure(CompletableFuture<?> future) {
        ExecutionException failure = catchThrowableOfType(ExecutionException.class,
                () -> future.get(5, TimeUnit.SECONDS));
        assertThat(failure).as("the run's failure").isNotNull();
        assertThat(failure.getCause()).isInstanceOf(TaskFailedException.class);
        return (TaskFailedException) failure.getCause();
    }
}
