package io.cascadence.scheduler.impl.cron;

import java.time.Instant;

import io.cascadence.api.schedule.Schedule;

/**
 * One scheduled task inside the {@link CronEngine}: its current schedule, its place in the engine's queue and its
 * overlap gate. The mutable fields are guarded by the engine's lock.
 */
final class TaskSlot {

    /** A place in the engine's queue; {@code sequence} keeps equal instants apart and in insertion order. */
    record Entry(Instant due, long sequence, TaskSlot slot) implements Comparable<Entry> {

        @Override
        public int compareTo(Entry other) {
            int byDue = due.compareTo(other.due);
            return byDue != 0 ? byDue : Long.compare(sequence, other.sequence);
        }
    }

    final OverlapGate gate = new OverlapGate();
    Schedule schedule;
    /** In the queue, or {@code null} while its fire is being handed over or when it never fires again. */
    Entry entry;
    /** Its next fire time as users see it; stays the due time being handed over until the next is computed. */
    Instant next;
    /** Bumped whenever the schedule or its zone changes, so that a next fire computed for the old one is dropped. */
    long version;

    TaskSlot(Schedule schedule) {
        this.schedule = schedule;
    }
}
