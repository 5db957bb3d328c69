package io.cascadence.metrics.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.cascadence.api.event.AuditEvent;
import io.cascadence.api.event.StageUpdate;
import io.cascadence.api.event.TaskRunEvent;
import io.prometheus.client.CollectorRegistry;

class RunMetricsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");

    private final CollectorRegistry registry = new CollectorRegistry();
    private final RunMetrics metrics = new RunMetrics();

    RunMetricsTest() {
        metrics.register(registry);
    }

    @Test
    void aSuccessfulRunCountsAsSuccessAndItsDurationFallsInTheOriginalsBuckets() throws IOException {
        metrics.accept(ended("report", "r1", null, "success", 0, 300));

        String text = text();
        assertThat(text).contains("task_success_total{task_name=\"report\",} 1.0")
                .contains("task_latency_seconds_bucket{task_name=\"report\",le=\"0.25\",} 0.0")
                .contains("task_latency_seconds_bucket{task_name=\"report\",le=\"0.5\",} 1.0")
                .contains("task_latency_seconds_count{task_name=\"report\",} 1.0")
                .contains("task_latency_seconds_sum{task_name=\"report\",} 0.3")
                .contains("cascadence_task_runs_total{task_name=\"report\",status=\"success\",} 1.0")
                .doesNotContain("task_failure_total{")
                .doesNotContain("_created");
        assertThat(text.lines().filter(l -> l.startsWith("task_latency_seconds_bucket{task_name=\"report\""))
                .map(l -> l.replaceAll(".*le=\"([^\"]+)\".*", "$1")))
                .containsExactly("0.005", "0.01", "0.025", "0.05", "0.075", "0.1", "0.25", "0.5", "0.75", "1.0",
                        "2.5", "5.0", "7.5", "10.0", "+Inf");
    }

    @Test
    void everyEndButSuccessIsAFailure() throws IOException {
        for (String status : new String[] {"error", "cancelled", "timed_out", "interrupted"}) {
            metrics.accept(ended("sync", "r-" + status, null, status, 0, 10));
        }

        assertThat(text()).contains("task_failure_total{task_name=\"sync\",} 4.0")
                .contains("cascadence_task_runs_total{task_name=\"sync\",status=\"timed_out\",} 1.0")
                .doesNotContain("task_success_total{task_name=\"sync\"");
    }

    @Test
    void aPlansSubTasksArePartOfTheirParentButPrerequisitesCountAsTheirOwnTasks() throws IOException {
        metrics.accept(ended("parent/1", "r1.1", "r1", "success", 0, 10));
        metrics.accept(ended("Extract", "r2.1", "r2", "success", 0, 10));

        assertThat(text()).doesNotContain("parent/1").contains("task_success_total{task_name=\"Extract\",} 1.0");
    }

    @Test
    void stagesThatRanAreTimedAndSkippedOnesAreNot() throws IOException {
        metrics.accept(audit("report", "r1", "run", AuditEvent.STARTED, 0));
        metrics.accept(audit("report", "r1", "run", AuditEvent.SUCCESS, 2_000));
        metrics.accept(audit("report", "r1", "research", AuditEvent.STARTED, 2_000));
        metrics.accept(audit("report", "r1", "research", AuditEvent.SKIPPED, 2_000));
        metrics.accept(new StageUpdate("report", "verify", "r1", null, null, T0));

        assertThat(text()).contains(
                "cascadence_stage_latency_seconds_bucket{task_name=\"report\",stage=\"run\",le=\"2.5\",} 1.0")
                .contains("cascadence_stage_latency_seconds_sum{task_name=\"report\",stage=\"run\",} 2.0")
                .doesNotContain("stage=\"research\"");
    }

    @Test
    void aStageLeftOpenByARunEndedFromOutsideIsForgottenWithItsRun() {
        StageClock clock = new StageClock();
        clock.started("r1", "run", T0);
        clock.started("r1.1", "run", T0);
        clock.started("r10", "run", T0);

        clock.forgetRun("r1");

        assertThat(clock.size()).isEqualTo(1);
        assertThat(clock.ended("r10", "run")).isEqualTo(T0);
    }

    @Test
    void aScheduledRunsLatenessIsFromItsDueTimeToItsStart() throws IOException {
        metrics.accept(new TaskRunEvent("report", "r1", null, "success", null, null, null, T0.plusMillis(40),
                T0.plusMillis(50), null, null, T0));
        metrics.accept(ended("report", "r2", null, "success", 0, 10));

        assertThat(text())
                .contains("cascadence_schedule_lateness_seconds_bucket{task_name=\"report\",le=\"0.01\",} 0.0")
                .contains("cascadence_schedule_lateness_seconds_bucket{task_name=\"report\",le=\"0.05\",} 1.0")
                .contains("cascadence_schedule_lateness_seconds_count{task_name=\"report\",} 1.0");
    }

    @Test
    void labelValuesAreEscapedWhateverATaskNameHolds() throws IOException {
        metrics.accept(ended("we\"ird\\name\nx", "r1", null, "success", 0, 1));

        assertThat(text()).contains("task_success_total{task_name=\"we\\\"ird\\\\name\\nx\",} 1.0");
    }

    @Test
    void cronFiresAreCountedAsFiredOrSkipped() throws IOException {
        metrics.accept(new AuditEvent("report", "schedule", AuditEvent.SUCCESS, null, "fired: due …", "r1", null,
                null, T0));
        metrics.accept(new AuditEvent("report", "schedule", AuditEvent.SKIPPED, "overlap skip", "due …", null, null,
                null, T0));
        metrics.accept(new AuditEvent("report", "schedule", AuditEvent.SKIPPED, "task paused", "due …", null, null,
                null, T0));

        assertThat(text()).contains("cascadence_schedule_fires_total{task_name=\"report\",outcome=\"fired\",} 1.0")
                .contains("cascadence_schedule_fires_total{task_name=\"report\",outcome=\"skipped\",} 2.0")
                .doesNotContain("stage=\"schedule\"");
    }

    @Test
    void eventsOfNoRunChangeNothing() throws IOException {
        String before = text();
        metrics.accept(new StageUpdate("report", "paused", null, null, null, T0));
        metrics.accept(new AuditEvent("report", "paused", AuditEvent.SUCCESS, null, null, null, null, null, T0));

        assertThat(text()).isEqualTo(before);
    }

    private static TaskRunEvent ended(String task, String runId, String parent, String status, long startMillis,
            long endMillis) {
        return new TaskRunEvent(task, runId, parent, status, null, null, null, T0.plusMillis(startMillis),
                T0.plusMillis(endMillis), null, null);
    }

    private static AuditEvent audit(String task, String runId, String stage, String status, long millis) {
        return new AuditEvent(task, stage, status, null, null, runId, null, null, T0.plusMillis(millis));
    }

    private String text() throws IOException {
        StringWriter out = new StringWriter();
        MetricsText.write(registry, out);
        return out.toString();
    }
}
