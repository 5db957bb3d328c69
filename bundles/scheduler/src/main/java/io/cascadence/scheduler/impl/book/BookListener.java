package io.cascadence.scheduler.impl.book;

/**
 * Told after a change that may alter a task's effective schedule or whether its task is present; it then asks the
 * {@link ScheduleBook} for the task's state. Called outside the book's lock, on the thread that made the change.
 */
@FunctionalInterface
public interface BookListener {

    /** @param taskName the task whose schedule or presence may have changed */
    void changed(String taskName);
}
