package io.cascadence.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Gives a task component a cron schedule, setting {@link TaskProperties#TASK_SCHEDULE}; the time zone and policies
 * are the plain properties {@link TaskProperties#TASK_SCHEDULE_ZONE}, {@link TaskProperties#TASK_SCHEDULE_MISFIRE}
 * and {@link TaskProperties#TASK_SCHEDULE_OVERLAP}:
 *
 * <pre>{@code
 * @Component(service = Task.class, property = TaskProperties.TASK_SCHEDULE_ZONE + "=Europe/Paris")
 * @TaskName("report")
 * @TaskSchedule("0 9 * * MON-FRI")
 * public class ReportTask implements CronTask { ... }
 * }</pre>
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface TaskSchedule {

    /** Maps the single element to {@code cascadence.task.schedule}. */
    String PREFIX_ = "cascadence.";

    /** The cron expression; see {@link io.cascadence.api.schedule.CronExpression#parse} for what is accepted. */
    String value();
}
