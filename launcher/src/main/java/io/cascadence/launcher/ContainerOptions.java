package io.cascadence.launcher;

import java.nio.file.Path;

/**
 * How to start one container process.
 *
 * @param host the address HTTP binds to
 * @param port the HTTP port
 * @param shell whether to start the Gogo shell on this terminal
 * @param cache the framework cache folder, wiped at every start
 * @param firesSchedules whether cron schedules fire: true for {@code bin/cascadence}; false for the private
 *        container a {@code bin/task} command starts, which must not run (or catch up) scheduled tasks while it
 *        answers one command
 */
public record ContainerOptions(String host, int port, boolean shell, Path cache, boolean firesSchedules) {

    /** The framework property that says so ({@code false} keeps the cron engine from firing). */
    public static final String FIRES_SCHEDULES = "cascadence.schedules.fire";
}
