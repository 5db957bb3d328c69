package io.cascadence.benchmarks.cron;

/** One scheduler under test for one round: set up with every task due at the same instant, then torn down. */
interface FireRound extends AutoCloseable {

    /** Schedules {@code count} tasks due at {@code starts.due()} and starts the scheduler; returns at once. */
    void arm(int count, FireStarts starts) throws Exception;

    /** Stops the scheduler and its threads. */
    @Override
    void close() throws Exception;
}
