package io.cascadence.launcher.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The end of a command that runs until it is told to stop ({@code watch-plugins}): Ctrl+C (SIGINT) or SIGTERM.
 * Either starts the JVM's shutdown; a shutdown hook then tells the command, and holds the shutdown until the
 * command has undone what it set up ({@link #finished}), so that a folder it added to the container is removed
 * again before the process ends.
 */
final class StopSignal {

    /** How long the shutdown waits for the command to clean up: a container it started must stop too. */
    private static final long CLEANUP_SECONDS = 60;

    private final boolean exitWithCommandStatus;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile int status;
    private Thread hook;

    /**
     * @param exitWithCommandStatus end the process with the command's exit status once it has cleaned up, rather
     *        than the JVM's 130 or 143 for a signal: the command ends normally when told to stop (the process
     *        entry only; a program that runs commands in its own JVM keeps its own exit status)
     */
    StopSignal(boolean exitWithCommandStatus) {
        this.exitWithCommandStatus = exitWithCommandStatus;
    }

    /**
     * Waits up to {@code timeout} for the process to be told to stop.
     *
     * @return whether it was told to (or this thread was interrupted, which ends the wait for good)
     */
    boolean await(Duration timeout) {
        synchronized (this) {
            if (hook == null && stopped.getCount() > 0) {
                hook = new Thread(this::onShutdown, "cascadence-task-stop");
                Runtime.getRuntime().addShutdownHook(hook);
            }
        }
        try {
            return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Tells the waiting command to stop, as a signal does. */
    void stop() {
        stopped.countDown();
    }

    /** The command has cleaned up and ends with {@code exitStatus}: the shutdown may go on. */
    void finished(int exitStatus) {
        status = exitStatus;
        finished.countDown();
        synchronized (this) {
            if (hook != null && stopped.getCount() > 0) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook); // the command ended otherwise: nothing to hold
                } catch (IllegalStateException e) {
                    // the shutdown has begun: the hook runs, finds the command finished and lets it go on
                }
            }
        }
    }

    private void onShutdown() {
        stop();
        try {
            if (finished.await(CLEANUP_SECONDS, TimeUnit.SECONDS) && exitWithCommandStatus) {
                System.out.flush();
                System.err.flush();
                Runtime.getRuntime().halt(status);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
