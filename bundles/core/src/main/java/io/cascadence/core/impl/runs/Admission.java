package io.cascadence.core.impl.runs;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.IntSupplier;

import io.cascadence.api.RunRejectedException;

/**
 * How many runs run and wait: at most {@code max_concurrent_runs} hold a slot, at most
 * {@code run_queue_capacity} more wait in order, beyond that a run is refused. A run first reserves room (before
 * its record is written), then is admitted to a slot or the queue. Both limits are read at each use, so edits apply
 * to the next run. Once stopping, nothing is reserved and nothing queued is started.
 */
final class Admission {

    private final IntSupplier maxConcurrent;
    private final IntSupplier queueCapacity;
    private final Deque<Execution> queue = new ArrayDeque<>();
    private int running;
    private int reserved;
    private boolean stopping;

    Admission(IntSupplier maxConcurrent, IntSupplier queueCapacity) {
        this.maxConcurrent = maxConcurrent;
        this.queueCapacity = queueCapacity;
    }

    /** @throws RunRejectedException when stopping, or when every slot and the queue are taken */
    synchronized void reserve() {
        if (stopping) {
            throw new RunRejectedException(RunRejectedException.Reason.STOPPING,
                    "Cascadence is stopping; no new runs are accepted");
        }
        int max = maxConcurrent.getAsInt();
        int capacity = queueCapacity.getAsInt();
        if (running + queue.size() + reserved >= max + capacity) {
            throw new RunRejectedException(RunRejectedException.Reason.QUEUE_FULL, "Too many runs: " + running
                    + " running (max_concurrent_runs = " + max + ") and " + (queue.size() + reserved)
                    + " waiting (run_queue_capacity = " + capacity + "); try again later");
        }
        reserved++;
    }

    /** A reservation whose run was not accepted after all. */
    synchronized void unreserve() {
        reserved--;
    }

    /**
     * Turns a reservation into a slot or a place in the queue.
     *
     * @return true when the run has a slot and is to start now
     */
    synchronized boolean admit(Execution execution) {
        reserved--;
        if (execution.control.cancelled()) {
            return false; // ended by a stop while its record was being written
        }
        if (running < maxConcurrent.getAsInt()) {
            running++;
            execution.holdsSlot = true;
            return true;
        }
        queue.addLast(execution);
        return false;
    }

    /**
     * A run ended: it gives its slot back, or its place in the queue. Calling it again changes nothing.
     *
     * @return the next waiting run, which now holds the freed slot and is to start, or {@code null}
     */
    synchronized Execution release(Execution execution) {
        if (!execution.holdsSlot) {
            queue.remove(execution);
            return null;
        }
        execution.holdsSlot = false;
        running--;
        if (stopping || running >= maxConcurrent.getAsInt()) {
            return null; // what waits is ended by the stop; or the limit was lowered meanwhile
        }
        Execution next = queue.pollFirst();
        if (next != null) {
            running++;
            next.holdsSlot = true;
        }
        return next;
    }

    synchronized void stop() {
        stopping = true;
    }

    synchronized int running() {
        return running;
    }

    synchronized int queued() {
        return queue.size();
    }
}
