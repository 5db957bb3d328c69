package io.cascadence.core.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import io.cascadence.api.InvalidRequestException;
import io.cascadence.api.StoreUnavailableException;
import io.cascadence.api.TaskPath;

/**
 * The tasks registered by path, in the order they were registered, as {@code tasks.yml} keeps them, and which of
 * them are in service. A class may be registered under several names; each name is an entry of its own. Every
 * change is first handed to {@code persist} and made only when that returns, so the file always says what the
 * table does. Thread-safe; a caller that must check and change at once holds the table's lock.
 *
 * @param <R> a registration in service (a {@code ServiceRegistration} in the container)
 */
final class TaskPathTable<R> {

    /** One registration by path; its fields change under the table's lock only. */
    static final class Entry<R> {

        private TaskPath stored;
        private String name;
        private R registration;

        private Entry(TaskPath stored) {
            this.stored = stored;
            this.name = stored.name();
        }

        /** As {@code tasks.yml} keeps it: the name only when it was asked for. */
        TaskPath stored() {
            return stored;
        }

        /** The name it is registered under; {@code null} while its class-given name has not been seen yet. */
        String name() {
            return name;
        }

        String bundle() {
            return stored.path().substring(0, stored.path().indexOf(':'));
        }
    }

    private final List<Entry<R>> entries = new ArrayList<>();
    private final Consumer<List<TaskPath>> persist;

    /** @param persist writes the entries as given; throws {@link StoreUnavailableException} when it cannot */
    TaskPathTable(Consumer<List<TaskPath>> persist) {
        this.persist = persist;
    }

    /** Puts back what {@code tasks.yml} held, all of it, even entries that clash; nothing is written. */
    synchronized void restore(List<TaskPath> stored) {
        stored.forEach(path -> entries.add(new Entry<>(path)));
    }

    /** The entries not in service, of one bundle or ({@code null}) of all. */
    synchronized List<Entry<R>> waiting(String bundle) {
        return entries.stream().filter(e -> e.registration == null)
                .filter(e -> bundle == null || bundle.equals(e.bundle())).toList();
    }

    /**
     * The entry that a registration asked for again is: the same path under the same name, whether the name was
     * asked for or comes from the class.
     *
     * @param asked the registration as it would be stored
     * @param name the name it gets
     */
    synchronized Optional<Entry<R>> find(TaskPath asked, String name) {
        return entries.stream()
                .filter(e -> e.stored.path().equals(asked.path()))
                .filter(e -> name.equals(e.name) || e.name == null && asked.name() == null)
                .findFirst();
    }

    /**
     * @throws InvalidRequestException when an entry of another class holds {@code name}, even one whose bundle is
     *         away now
     */
    synchronized void requireFree(String path, String name) {
        for (Entry<R> entry : entries) {
            if (name.equals(entry.name) && !entry.stored.path().equals(path)) {
                throw new InvalidRequestException("a task named '" + name + "' is registered by path "
                        + entry.stored.path() + " already; pass name= to register this one under another name");
            }
        }
    }

    /**
     * Adds a registration, or, for one that exists, takes its new schedule (without one the old one stays). The
     * file is written first.
     *
     * @param asked the registration as it would be stored
     * @param name the name it gets
     * @return its entry
     * @throws StoreUnavailableException when the file cannot be written; nothing changed
     */
    synchronized Entry<R> put(TaskPath asked, String name) {
        Optional<Entry<R>> existing = find(asked, name);
        if (existing.isPresent()) {
            Entry<R> entry = existing.get();
            String schedule = asked.schedule() != null ? asked.schedule() : entry.stored.schedule();
            if (!Objects.equals(schedule, entry.stored.schedule())) {
                TaskPath updated = new TaskPath(entry.stored.path(), entry.stored.name(), schedule);
                persist.accept(entries.stream().map(e -> e == entry ? updated : e.stored).toList());
                entry.stored = updated;
            }
            return entry;
        }
        Entry<R> entry = new Entry<>(asked);
        List<TaskPath> all = new ArrayList<>(stored());
        all.add(asked);
        persist.accept(all);
        entries.add(entry);
        return entry;
    }

    /**
     * Takes an entry out again, as when its task could not go into service after all. The file is written first.
     *
     * @throws StoreUnavailableException when the file cannot be written; nothing changed
     */
    synchronized void remove(Entry<R> entry) {
        persist.accept(entries.stream().filter(e -> e != entry).map(e -> e.stored).toList());
        entries.remove(entry);
    }

    /** The name an entry's class gives its task, once known; it is the entry's name from then on. */
    synchronized void named(Entry<R> entry, String name) {
        entry.name = name;
    }

    /** The entry's task is in service now. */
    synchronized void attach(Entry<R> entry, R registration) {
        entry.registration = registration;
    }

    /** The registration in service for an entry, if any. */
    synchronized Optional<R> registration(Entry<R> entry) {
        return Optional.ofNullable(entry.registration);
    }

    /** A bundle stops, and the services registered for its entries go with it. */
    synchronized void detach(String bundle) {
        entries.stream().filter(e -> bundle.equals(e.bundle())).forEach(e -> e.registration = null);
    }

    /** Every registration in service, now taken out of the table, for unregistering them. */
    synchronized List<R> detachAll() {
        List<R> registrations = new ArrayList<>();
        for (Entry<R> entry : entries) {
            if (entry.registration != null) {
                registrations.add(entry.registration);
                entry.registration = null;
            }
        }
        return registrations;
    }

    /** The entries with the names they are registered under (where known), in registration order. */
    synchronized List<TaskPath> paths() {
        return entries.stream().map(e -> new TaskPath(e.stored.path(), e.name, e.stored.schedule())).toList();
    }

    private List<TaskPath> stored() {
        return entries.stream().map(e -> e.stored).toList();
    }
}
