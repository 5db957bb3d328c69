package io.cascadence.metrics.impl;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;

import io.cascadence.api.RunRecord;
import io.cascadence.api.event.AuditEvent;
import io.cascadence.api.event.CascadenceEvent;
import io.cascadence.api.event.TaskRunEvent;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Histogram;

/**
 * The metrics the events of runs feed: per task, the original's {@code task_latency_seconds},
 * {@code task_success_total} and {@code task_failure_total}, and Cascadence's runs by status, stage latency, the
 * lateness of scheduled runs and the cron fires started or skipped.
 *
 * <p>A run counts under its task's registered name once it has ended: {@code success} as a success, every other
 * end ({@code error}, {@code cancelled}, {@code timed_out}, {@code interrupted}) as a failure. The sub-tasks a
 * plan runs are part of their parent's run (their names are {@code parent/N}) and are not counted on their own;
 * a task graph's prerequisites are runs of their own tasks and are. Called on the listener's own thread; the
 * collectors are thread-safe, so a scrape may read them meanwhile.
 */
final class RunMetrics {

    /** Seconds from a scheduled fire's due time to its run's start: from on time to an hour's catch-up. */
    static final double[] LATENESS_BUCKETS = {0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300,
        3600};

    /** The stage of the scheduler's audit events about cron fires. */
    static final String SCHEDULE = "schedule";

    private final Histogram latency = Histogram.build().name("task_latency_seconds")
            .help("Time spent executing tasks").labelNames("task_name").create();
    private final Counter success = Counter.build().name("task_success_total")
            .help("Total number of tasks completed successfully").labelNames("task_name").create();
    private final Counter failure = Counter.build().name("task_failure_total")
            .help("Total number of tasks that failed: a stage raised an exception or the precheck said no, or the "
                    + "run was cancelled, timed out or interrupted")
            .labelNames("task_name").create();
    private final Counter ended = Counter.build().name("cascadence_task_runs_total")
            .help("Runs ended, by task and how they ended (success, error, cancelled, timed_out, interrupted)")
            .labelNames("task_name", "status").create();
    private final Histogram stageLatency = Histogram.build().name("cascadence_stage_latency_seconds")
            .help("Time spent in each stage that ran (ended in success or error), by task and stage")
            .labelNames("task_name", "stage").create();
    private final Histogram lateness = Histogram.build().name("cascadence_schedule_lateness_seconds")
            .help("How long after its due time a scheduled fire's run started").buckets(LATENESS_BUCKETS)
            .labelNames("task_name").create();
    private final Counter fires = Counter.build().name("cascadence_schedule_fires_total")
            .help("Cron fires, by task and outcome: fired (a run was started) or skipped (overlap, misfire policy, "
                    + "a paused or disabled task, a full queue)")
            .labelNames("task_name", "outcome").create();
    private final StageClock stages = new StageClock();

    void register(CollectorRegistry registry) {
        registry.register(latency);
        registry.register(success);
        registry.register(failure);
        registry.register(ended);
        registry.register(stageLatency);
        registry.register(lateness);
        registry.register(fires);
    }

    void accept(CascadenceEvent event) {
        if (event instanceof TaskRunEvent run) {
            runEnded(run);
        } else if (event instanceof AuditEvent audit) {
            stage(audit);
        }
    }

    private void runEnded(TaskRunEvent run) {
        if (run.parentRunId() == null) {
            stages.forgetRun(run.runId());
        }
        String task = run.taskName();
        if (!counted(task) || run.status() == null) {
            return;
        }
        ended.labels(task, run.status()).inc();
        (RunRecord.SUCCESS.equals(run.status()) ? success : failure).labels(task).inc();
        seconds(run.startedAt(), run.finishedAt()).ifPresent(latency.labels(task)::observe);
        if (run.parentRunId() == null && run.dueAt() != null && run.startedAt() != null) {
            // A run started early (a clock set back) is on time, not a negative lateness.
            lateness.labels(task).observe(seconds(run.dueAt(), run.startedAt()).orElse(0));
        }
    }

    private void stage(AuditEvent audit) {
        if (SCHEDULE.equals(audit.stage())) {
            fire(audit);
            return;
        }
        if (audit.runId() == null || audit.stage() == null || audit.status() == null) {
            return;
        }
        switch (audit.status()) {
            case AuditEvent.STARTED -> stages.started(audit.runId(), audit.stage(), audit.time());
            case AuditEvent.SUCCESS, AuditEvent.ERROR -> {
                Instant started = stages.ended(audit.runId(), audit.stage());
                if (started != null && counted(audit.taskName())) {
                    seconds(started, audit.time()).ifPresent(stageLatency.labels(audit.taskName(), audit.stage())
                            ::observe);
                }
            }
            default -> stages.ended(audit.runId(), audit.stage()); // skipped: it did not run
        }
    }

    /** The scheduler's audit of a cron fire: {@code success} when it started a run, {@code skipped} when not. */
    private void fire(AuditEvent audit) {
        if (!counted(audit.taskName())) {
            return;
        }
        if (AuditEvent.SUCCESS.equals(audit.status())) {
            fires.labels(audit.taskName(), "fired").inc();
        } else if (AuditEvent.SKIPPED.equals(audit.status())) {
            fires.labels(audit.taskName(), "skipped").inc();
        }
    }

    /** Runs of registered tasks (and of whatever a plugin publishes), not the sub-tasks of a plan. */
    private static boolean counted(String taskName) {
        return taskName != null && !taskName.contains("/");
    }

    /** The seconds from one instant to a later one; empty when either is missing or they are reversed. */
    private static OptionalDouble seconds(Instant from, Instant to) {
        if (from == null || to == null || to.isBefore(from)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Duration.between(from, to).toNanos() / 1e9);
    }
}
