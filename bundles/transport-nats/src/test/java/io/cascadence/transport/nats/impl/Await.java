package io.cascadence.transport.nats.impl;

import java.time.Duration;

/** Polls until something holds, for what happens on jnats' threads (no sleep-then-assert). */
final class Await {

    /** An action that fails until the awaited state is reached. */
    interface Attempt {
        void run() throws Exception;
    }

    private Await() {
    }

    /** Runs {@code attempt} until it completes without throwing, and rethrows its last failure at the deadline. */
    static void until(Duration timeout, Attempt attempt) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                attempt.run();
                return;
            } catch (Exception | AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }
}
