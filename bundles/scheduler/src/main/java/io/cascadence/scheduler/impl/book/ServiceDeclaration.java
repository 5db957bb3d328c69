package io.cascadence.scheduler.impl.book;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.cascadence.api.Identity;
import io.cascadence.api.TaskProperties;
import io.cascadence.api.schedule.CronExpression;
import io.cascadence.api.schedule.InvalidScheduleException;
import io.cascadence.api.schedule.MisfirePolicy;
import io.cascadence.api.schedule.OverlapPolicy;
import io.cascadence.api.schedule.Schedule;

/**
 * The schedule and prerequisites a task service declares through its properties ({@link TaskProperties}). Each
 * malformed property is left out with a warning naming the service, as the property Javadoc promises; a bad
 * schedule leaves the task unscheduled, a bad time zone or policy leaves the default in its place.
 *
 * @param schedule the declared schedule, or {@code null}
 * @param deps the declared prerequisites, possibly empty
 * @param warnings one per malformed property, naming the service, the property and the reason
 */
record ServiceDeclaration(Schedule schedule, List<String> deps, List<String> warnings) {

    static ServiceDeclaration parse(String task, Map<String, Object> properties, String service) {
        List<String> warnings = new ArrayList<>();
        Warn warn = (property, reason, instead) -> warnings.add("Task service " + service + ": property " + property
                + " is ignored: " + reason + "; " + instead);
        Schedule schedule = null;
        Object expression = properties.get(TaskProperties.TASK_SCHEDULE);
        if (expression != null) {
            try {
                schedule = new Schedule(task, CronExpression.parse(text(expression)), null, Identity.ANONYMOUS,
                        null, null);
            } catch (InvalidScheduleException e) {
                warn.add(TaskProperties.TASK_SCHEDULE, e.getMessage(), "the task has no schedule of its own");
            }
        }
        if (schedule != null) {
            try {
                schedule = schedule.withZone(Schedule.zone(text(properties.get(TaskProperties.TASK_SCHEDULE_ZONE))));
            } catch (InvalidScheduleException e) {
                warn.add(TaskProperties.TASK_SCHEDULE_ZONE, e.getMessage(), "the scheduler's time zone applies");
            }
            try {
                schedule = schedule.withMisfire(MisfirePolicy.parse(
                        text(properties.get(TaskProperties.TASK_SCHEDULE_MISFIRE))));
            } catch (InvalidScheduleException e) {
                warn.add(TaskProperties.TASK_SCHEDULE_MISFIRE, e.getMessage(), "run_once applies");
            }
            try {
                schedule = schedule.withOverlap(OverlapPolicy.parse(
                        text(properties.get(TaskProperties.TASK_SCHEDULE_OVERLAP))));
            } catch (InvalidScheduleException e) {
                warn.add(TaskProperties.TASK_SCHEDULE_OVERLAP, e.getMessage(), "skip applies");
            }
        }
        List<String> deps = List.of();
        try {
            deps = TaskNames.checkAll(names(properties.get(TaskProperties.TASK_DEPENDENCIES)));
        } catch (InvalidScheduleException e) {
            warn.add(TaskProperties.TASK_DEPENDENCIES, e.getMessage(), "the task has no prerequisites");
        }
        return new ServiceDeclaration(schedule, deps, List.copyOf(warnings));
    }

    @FunctionalInterface
    private interface Warn {
        void add(String property, String reason, String instead);
    }

    private static String text(Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new InvalidScheduleException("expected a String, got " + value.getClass().getSimpleName());
    }

    /** A {@code String[]}, a collection of strings, or one string with names separated by commas. */
    private static List<String> names(Object value) {
        if (value == null) {
            return List.of();
        }
        Collection<?> items = value instanceof String s ? Arrays.asList(s.split(","))
                : value instanceof String[] array ? Arrays.asList(array)
                : value instanceof Collection<?> collection ? collection : null;
        if (items == null) {
            throw new InvalidScheduleException("expected a String[], a collection of strings or a string of names "
                    + "separated by commas, got " + value.getClass().getSimpleName());
        }
        List<String> names = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof String name)) {
                throw new InvalidScheduleException("expected task names, got " + item);
            }
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        return names;
    }
}
