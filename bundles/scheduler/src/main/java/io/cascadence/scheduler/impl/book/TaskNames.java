package io.cascadence.scheduler.impl.book;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

import io.cascadence.api.schedule.InvalidScheduleException;

/** The task name rule of {@code cascadence.task.name}, applied to schedule keys and prerequisites. */
final class TaskNames {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private TaskNames() {
    }

    static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /**
     * @return {@code name}
     * @throws InvalidScheduleException when it is not a valid task name
     */
    static String check(String name) {
        if (!isValid(name)) {
            throw new InvalidScheduleException("'" + name + "' is not a valid task name: expected 1 to 100 letters, "
                    + "digits, '.', '_' or '-', starting with a letter or digit");
        }
        return name;
    }

    /**
     * Checks prerequisite names; a name given twice is kept once, where it first appears.
     *
     * @return the names, in order
     * @throws InvalidScheduleException naming the first name that is not valid
     */
    static List<String> checkAll(List<String> names) {
        for (String name : names) {
            check(name);
        }
        return List.copyOf(new ArrayList<>(new LinkedHashSet<>(names)));
    }
}
