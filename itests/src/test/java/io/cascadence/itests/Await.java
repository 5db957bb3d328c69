package io.cascadence.itests;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Polls until a condition holds. Deadlines are generous on purpose: they catch what never happens, while how
 * fast things happen is measured by the benchmark scripts, not here.
 */
final class Await {

    static final Duration CHANGE = Duration.ofSeconds(20);

    private Await() {
    }

    static void until(Duration timeout, Supplier<String> what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        AssertionError last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (AssertionError e) {
                if (e.getMessage() != null && e.getMessage().startsWith("bin/cascadence exited")) {
                    throw e;
                }
                last = e;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        AssertionError failure = new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for: "
                + what.get());
        if (last != null) {
            failure.addSuppressed(last);
        }
        throw failure;
    }

    static void until(String what, BooleanSupplier condition) {
        until(CHANGE, () -> what, condition);
    }
}
