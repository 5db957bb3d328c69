package io.cascadence.transport.grpc.impl;

import java.util.function.BooleanSupplier;

/** Waits for something another thread does, up to a bound that only a hung test reaches. */
final class Await {

    private static final long LIMIT_MS = 30_000;

    private Await() {
    }

    /** Whether {@code condition} became true within the limit. */
    static boolean until(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + LIMIT_MS * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }
}
