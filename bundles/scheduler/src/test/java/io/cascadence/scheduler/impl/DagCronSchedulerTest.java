package io.cascadence.scheduler.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.cascadence.api.RunHandle;
import io.cascadence.api.RunRequest;
import io.cascadence.api.Trigger;
import io.cascadence.api.spi.RunExecutor;

class DagCronSchedulerTest {

    /** Stands in for the core's run engine (another bundle); what matters is which call the backend makes. */
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final RunExecutor executor = new RunExecutor() {
        @Override
        public void check(RunRequest request) {
        }

        @Override
        public RunHandle execute(RunRequest request) {
            calls.add("execute " + request.taskName());
            return new RunHandle("r1", new CompletableFuture<>());
        }

        @Override
        public RunHandle executeAfter(RunRequest request, List<String> prerequisites) {
            calls.add("executeAfter " + request.taskName() + " " + prerequisites);
            return new RunHandle("r1", new CompletableFuture<>());
        }
    };

    @Test
    void withoutTheSchedulesServiceTasksRunWithoutPrerequisites() {
        DagCronScheduler scheduler = new DagCronScheduler(executor);

        scheduler.submit(RunRequest.of("Load", Trigger.API));

        assertThat(calls).containsExactly("execute Load");
    }
}
