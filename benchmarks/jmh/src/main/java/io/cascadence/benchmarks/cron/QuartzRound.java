package io.cascadence.benchmarks.cron;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

/**
 * Quartz's in-memory scheduler ({@code RAMJobStore}) with one job and one {@code CronTrigger} per task, each job a
 * no-op that records when it started.
 *
 * <p>Quartz acquires {@code min(idle worker threads, batchTriggerAcquisitionMaxCount)} triggers at a time, so with
 * {@link #THREADS} workers a batch of 100 is at most 10 per acquisition.
 */
final class QuartzRound implements FireRound {

    /** Worker threads: the {@code threadCount} of the {@code quartz.properties} Quartz ships. */
    static final int THREADS = 10;

    private static int instances;

    private final int batch;
    private Scheduler scheduler;

    /** @param batch {@code org.quartz.scheduler.batchTriggerAcquisitionMaxCount}; Quartz's default is 1 */
    QuartzRound(int batch) {
        this.batch = batch;
    }

    /** Quartz makes a job instance per fire with its public no-argument constructor, hence the static field. */
    public static final class NoOpJob implements Job {

        static volatile FireStarts starts;

        @Override
        public void execute(JobExecutionContext context) {
            Instant now = Instant.now();
            starts.started(now, context.getScheduledFireTime().toInstant());
        }
    }

    @Override
    public void arm(int count, FireStarts starts) throws SchedulerException {
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", "bench-" + ++instances);
        properties.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", String.valueOf(batch));
        properties.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        properties.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        properties.setProperty("org.quartz.threadPool.threadCount", String.valueOf(THREADS));
        properties.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        properties.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        scheduler = new StdSchedulerFactory(properties).getScheduler();
        NoOpJob.starts = starts;
        ZonedDateTime due = starts.due().atZone(ZoneOffset.UTC);
        String cron = "0 " + due.getMinute() + " " + due.getHour() + " * * ?";
        TimeZone utc = TimeZone.getTimeZone("UTC");
        Map<JobDetail, Set<? extends Trigger>> jobs = new HashMap<>();
        for (int i = 0; i < count; i++) {
            JobDetail job = JobBuilder.newJob(NoOpJob.class).withIdentity("task-" + i).build();
            jobs.put(job, Set.of(TriggerBuilder.newTrigger().withIdentity("task-" + i).forJob(job)
                    .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(utc)).build()));
        }
        scheduler.scheduleJobs(jobs, false);
        scheduler.start();
    }

    @Override
    public void close() throws SchedulerException {
        scheduler.shutdown(true);
        NoOpJob.starts = null;
    }
}
