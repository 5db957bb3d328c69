package io.cascadence.core.impl.pipeline;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a run and its nested runs share: whether it has ended, and which threads are in one of its stages right
 * now. The run ends exactly once: either its pipeline finishes ({@link #finish}), or it is ended from outside
 * ({@link #end}: cancelled, timed out, interrupted by a stop), which interrupts every thread in one of its
 * stages; no later stage starts.
 */
public final class RunControl {

    /** How a run was ended from outside. */
    public record Ending(String status, String reason) {
    }

    private static final Ending FINISHED = new Ending("finished", null);

    private final AtomicReference<Ending> ending = new AtomicReference<>();
    /** Threads in a stage, with how deep: a stage may call into another (precheck calls the check). */
    private final Map<Thread, Integer> busy = new ConcurrentHashMap<>();

    /** Whether the run was ended from outside; its stages should stop. */
    public boolean cancelled() {
        Ending current = ending.get();
        return current != null && current != FINISHED;
    }

    /** How the run was ended from outside, or {@code null}. */
    public Ending ending() {
        Ending current = ending.get();
        return current == FINISHED ? null : current;
    }

    /**
     * Ends the run from outside and interrupts the threads in its stages.
     *
     * @return false when the run had already finished or been ended
     */
    public boolean end(String status, String reason) {
        if (!ending.compareAndSet(null, new Ending(status, reason))) {
            return false;
        }
        busy.keySet().forEach(Thread::interrupt);
        return true;
    }

    /** The pipeline claims the run's end for itself; false when it was ended from outside first. */
    boolean finish() {
        return ending.compareAndSet(null, FINISHED);
    }

    /** The threads in one of the run's stages now. */
    public Set<Thread> busyThreads() {
        return Set.copyOf(busy.keySet());
    }

    void enter(Thread thread) {
        busy.merge(thread, 1, Integer::sum);
        if (cancelled()) {
            thread.interrupt(); // ended between the gate and this stage's start
        }
    }

    void exit(Thread thread) {
        Integer left = busy.computeIfPresent(thread, (t, depth) -> depth == 1 ? null : depth - 1);
        if (left == null && cancelled()) {
            Thread.interrupted(); // the interrupt was for the stage, not for whatever the thread does next
        }
    }
}
