package io.cascadence.core.impl.runs;

import java.util.function.BooleanSupplier;

/** Polls a condition that becomes true on another thread; the test's own timeout bounds the wait. */
final class Await {

    private Await() {
    }

    static void until(BooleanSupplier condition) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            Thread.sleep(10);
        }
    }
}
