package io.cascadence.metrics.impl;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * When each stage in progress started, by run and stage, so that its end can be timed. Used by the listener's one
 * thread only. A stage whose end never comes (its run was ended from outside) is forgotten when its top-level run
 * ends; a bound keeps a publisher that never ends its runs from filling memory.
 */
final class StageClock {

    /** Stages in progress at once, far above what the run engine's limits allow. */
    static final int MAX_STAGES = 100_000;

    private final Map<String, Instant> started = new HashMap<>();

    void started(String runId, String stage, Instant at) {
        if (at == null) {
            return;
        }
        if (started.size() >= MAX_STAGES) {
            started.clear(); // only the timings of the stages in progress are lost
        }
        started.put(key(runId, stage), at);
    }

    /** The stage's start, or {@code null} when its start was not seen; it is forgotten either way. */
    Instant ended(String runId, String stage) {
        return started.remove(key(runId, stage));
    }

    /** Forgets the stages of a top-level run and of its nested runs ({@code runId.1}, {@code runId.1.2}, ...). */
    void forgetRun(String runId) {
        if (runId == null || started.isEmpty()) {
            return;
        }
        String own = runId + '\n';
        String nested = runId + '.';
        started.keySet().removeIf(key -> key.startsWith(own) || key.startsWith(nested));
    }

    int size() {
        return started.size();
    }

    private static String key(String runId, String stage) {
        return runId + '\n' + stage;
    }
}
