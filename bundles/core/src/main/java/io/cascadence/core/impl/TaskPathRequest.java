package io.cascadence.core.impl;

import java.util.regex.Pattern;

import io.cascadence.api.InvalidRequestException;
import io.cascadence.api.TaskPath;
import io.cascadence.api.schedule.CronExpression;
import io.cascadence.api.schedule.InvalidScheduleException;

/**
 * A registration by path as asked for, checked for form before anything is looked up.
 *
 * @param bundle the bundle's symbolic name
 * @param className the task class's fully qualified name
 * @param name the name asked for, or {@code null} for the class's own
 * @param schedule a cron expression ({@link CronExpression#parse}), in its normal form, or {@code null}
 */
record TaskPathRequest(String bundle, String className, String name, String schedule) {

    /** A Java identifier without the control and format characters Java lets an identifier part ignore. */
    private static final String IDENTIFIER =
            "\\p{javaJavaIdentifierStart}[\\p{javaJavaIdentifierPart}&&[^\\p{Cc}\\p{Cf}]]*";
    /** A binary class name: identifiers joined by dots; anything else is refused before a class loader sees it. */
    private static final Pattern CLASS_NAME = Pattern.compile(IDENTIFIER + "(\\." + IDENTIFIER + ")*");

    /**
     * @param path {@code bundle:Class}
     * @param name a task name, or {@code null} or blank for the class's {@code @TaskName}
     * @param schedule a cron expression, or {@code null} or blank for none
     * @throws InvalidRequestException naming what is wrong with the path, the name or the schedule
     */
    static TaskPathRequest of(String path, String name, String schedule) {
        String[] parts = path == null ? new String[0] : path.strip().split(":", -1);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new InvalidRequestException("path must be 'bundle:Class', e.g. "
                    + "'io.cascadence.examples.pipeline:io.cascadence.examples.pipeline.FanOutTask'; got '" + path + "'");
        }
        String className = parts[1].strip();
        if (!CLASS_NAME.matcher(className).matches()) {
            // a/b/C and the like make a bundle class loader throw NoClassDefFoundError instead of saying no
            throw new InvalidRequestException("'" + className + "' is not a class name; expected a fully qualified "
                    + "name of Java identifiers joined by dots, e.g. 'io.cascadence.examples.pipeline.FanOutTask'");
        }
        String wanted = name == null || name.isBlank() ? null : requireValidName(name.strip());
        String cron = schedule == null || schedule.isBlank() ? null : schedule.strip();
        if (cron != null) {
            // Checked in full, as the Schedules service checks what it keeps, so tasks.yml never holds a schedule
            // that could not fire.
            try {
                cron = CronExpression.parse(cron).text();
            } catch (InvalidScheduleException e) {
                throw new InvalidScheduleException("schedule: " + e.getMessage());
            }
        }
        return new TaskPathRequest(parts[0].strip(), className, wanted, cron);
    }

    /** @throws InvalidRequestException when {@code name} cannot name a task */
    static String requireValidName(String name) {
        if (!TaskTable.VALID_NAME.matcher(name).matches()) {
            throw new InvalidRequestException("'" + name + "' is not a valid task name; expected 1 to 100 letters, "
                    + "digits, '.', '_' or '-', starting with a letter or digit");
        }
        return name;
    }

    /** {@code bundle:Class}. */
    String path() {
        return bundle + ":" + className;
    }

    /** The entry as {@code tasks.yml} keeps it: the name only when it was asked for. */
    TaskPath stored() {
        return new TaskPath(path(), name, schedule);
    }
}
