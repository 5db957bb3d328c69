package io.cascadence.core.impl.history;

import java.time.Instant;

/**
 * Times are stored as microseconds since the epoch in a BIGINT: the same type and order in every database, and
 * compared as plain numbers in the queries. Finer digits (nanoseconds) are dropped.
 */
final class EpochMicros {

    private EpochMicros() {
    }

    static Long of(Instant time) {
        return time == null ? null : Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000L),
                time.getNano() / 1_000);
    }

    static Instant toInstant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
