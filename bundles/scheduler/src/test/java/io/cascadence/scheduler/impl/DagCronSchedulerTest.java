package io.cascadence.scheduler.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.time.ZoneId;
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

    private static SchedulerConfiguration zone(String timezone) {
        return new SchedulerConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SchedulerConfiguration.class;
            }

            @Override
            public String timezone() {
                return timezone;
            }
        };
    }

    @Test
    void withoutTheSchedulesServiceTasksRunWithoutPrerequisites() {
        DagCronScheduler scheduler = new DagCronScheduler(executor, zone("UTC"));

        scheduler.submit(RunRequest.of("Load", Trigger.API));

        assertThat(calls).containsExactly("execute Load");
    }

    @Test
    void takesItsTimeZoneFromTheSchedulerConfigurationAndFollowsChanges() {
        DagCronScheduler scheduler = new DagCronScheduler(executor, zone("Asia/Tokyo"));
        assertThat(scheduler.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));

        scheduler.modified(zone("Europe/Paris"));

        assertThat(scheduler.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
    }
}
