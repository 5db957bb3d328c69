package io.cascadence.benchmarks.cron;

import java.util.HashSet;
import java.util.Set;

/**
 * A {@code schedules.yml} of many entries, mixed as a real one would be: half repeat one of a dozen common
 * expressions, a quarter have an expression of their own, and a quarter are mappings with a time zone and
 * policies (every other one with a repeated expression).
 */
final class ScheduleYaml {

    private static final String[] COMMON = {"* * * * *", "*/5 * * * *", "*/15 * * * *", "0 * * * *", "30 * * * *",
        "0 0 * * *", "0 9 * * MON-FRI", "0 18 * * 1-5", "@daily", "@hourly", "0 0 1 * *", "15 3 * * SUN"};
    private static final String[] ZONES = {"Europe/Paris", "America/New_York", "Asia/Tokyo"};
    private static final String[] MISFIRE = {"skip", "run_once", "run_all"};
    private static final String[] OVERLAP = {"skip", "queue_one", "allow"};

    private ScheduleYaml() {
    }

    static String of(int count) {
        StringBuilder yaml = new StringBuilder(count * 48);
        for (int i = 0; i < count; i++) {
            yaml.append(String.format("task-%05d: ", i));
            if (i % 4 == 3) {
                yaml.append("{expr: '").append(expression(i)).append("', timezone: ").append(ZONES[i % 3])
                        .append(", misfire: ").append(MISFIRE[i / 4 % 3]).append(", overlap: ")
                        .append(OVERLAP[i / 12 % 3]).append("}\n");
            } else {
                yaml.append('\'').append(expression(i)).append("'\n");
            }
        }
        return yaml.toString();
    }

    static int distinctExpressions(int count) {
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < count; i++) {
            distinct.add(expression(i));
        }
        return distinct.size();
    }

    private static String expression(int i) {
        if (i % 4 < 2 || i % 8 == 3) {
            return COMMON[i % COMMON.length];
        }
        int k = i / 4;
        // Minute, hour and day of month from k: distinct for 40,320 entries.
        return k % 60 + " " + k / 60 % 24 + " " + (k / 1440 % 28 + 1) + " * " + (i % 4 == 3 ? "1-5" : "*");
    }
}
