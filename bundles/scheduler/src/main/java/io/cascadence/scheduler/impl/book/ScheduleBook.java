package io.cascadence.scheduler.impl.book;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.StoreUnavailableException;
import io.cascadence.api.TaskProperties;
import io.cascadence.api.schedule.InvalidScheduleException;
import io.cascadence.api.schedule.Schedule;
import io.cascadence.api.schedule.ScheduleInfo;
import io.cascadence.api.schedule.UnknownScheduleException;
import io.cascadence.scheduler.impl.graph.TaskGraph;

/**
 * What the {@code Schedules} service knows: the schedules and prerequisites of {@code schedules.yml}, those task
 * services declare, and which tasks are registered. A task's effective schedule is the file's if it has one, else
 * its service's; for prerequisites the file wins per task likewise. Every change is written to the file before it
 * is made in memory, so a failed write changes nothing. Thread-safe; no I/O but through {@link ScheduleFile}.
 */
public final class ScheduleBook {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleBook.class);

    private final ScheduleFile file;
    private final List<BookListener> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private Map<String, BookEntry> entries = new TreeMap<>();
    private final Map<String, ServiceDeclaration> services = new HashMap<>();
    private final Set<String> present = new HashSet<>();
    private List<String> fileProblems = List.of();

    public ScheduleBook(ScheduleFile file) {
        this.file = file;
    }

    public void addListener(BookListener listener) {
        listeners.add(listener);
    }

    public void removeListener(BookListener listener) {
        listeners.remove(listener);
    }

    /**
     * (Re)reads the file, replacing what the book held from it; tells listeners about every task it held or holds.
     *
     * @return the problems found, each naming the file, and the task and reason (empty when all is well)
     */
    public List<String> load() {
        Set<String> touched;
        synchronized (lock) {
            ScheduleFile.Loaded loaded = file.load();
            touched = new TreeSet<>(entries.keySet());
            touched.addAll(loaded.entries().keySet());
            entries = new TreeMap<>(loaded.entries());
            fileProblems = List.copyOf(loaded.problems());
        }
        touched.forEach(this::tell);
        return problems();
    }

    /**
     * The file's problems from the last load, the warnings about present task services' properties, and a cycle in
     * the dependencies as they stand now (declared by hand in the file or by services, since the API refuses one).
     */
    public List<String> problems() {
        synchronized (lock) {
            List<String> all = new ArrayList<>(fileProblems);
            new TreeMap<>(services).values().forEach(service -> all.addAll(service.warnings()));
            merged(entries, services).cycle().ifPresent(cycle -> all.add(file.path() + " and the tasks' "
                    + TaskProperties.TASK_DEPENDENCIES + " properties: Cyclic dependency detected: " + cycle
                    + "; runs of these tasks are refused under the dag backend until a declaration is changed"));
            return all;
        }
    }

    /**
     * Sets a task's schedule in the file, keeping its prerequisites; an unusable entry the file kept for it goes.
     *
     * @return {@code schedule}
     * @throws InvalidScheduleException when the task name is not valid
     * @throws StoreUnavailableException when the file cannot be written; nothing changed then
     */
    public Schedule set(Schedule schedule) {
        String task = TaskNames.check(schedule.taskName());
        synchronized (lock) {
            BookEntry old = entries.get(task);
            Map<String, BookEntry> next = new TreeMap<>(entries);
            next.put(task, old == null ? BookEntry.of(schedule) : old.withSchedule(schedule));
            file.write(next.values(), task);
            entries = next;
            released(task);
        }
        tell(task);
        return schedule;
    }

    /**
     * Removes the schedule the file keeps for a task (or the unusable entry it kept for it); its prerequisites stay.
     *
     * @throws UnknownScheduleException when the file keeps no schedule for it; when its service declares one, the
     *         message says so and that the task can be paused or disabled instead
     * @throws StoreUnavailableException when the file cannot be written; nothing changed then
     */
    public void remove(String task) {
        synchronized (lock) {
            BookEntry old = entries.get(task);
            if (old != null && old.schedule() != null) {
                Map<String, BookEntry> next = new TreeMap<>(entries);
                BookEntry rest = old.withSchedule(null);
                if (rest.isEmpty()) {
                    next.remove(task);
                } else {
                    next.put(task, rest);
                }
                file.write(next.values(), task);
                entries = next;
                released(task);
            } else if (file.invalid(task).isPresent()) {
                file.write(entries.values(), task);
                released(task);
            } else if (services.containsKey(task) && services.get(task).schedule() != null) {
                throw new DeclaredByServiceException(task);
            } else {
                throw new UnknownScheduleException(task);
            }
        }
        tell(task);
    }

    /**
     * Sets the prerequisites the file declares for a task; an empty list removes them (those its service declares
     * then apply again).
     *
     * @throws InvalidScheduleException when a name is not valid, when the file keeps an unusable entry for the task,
     *         or when the merged graph would have a cycle, named as {@code Cyclic dependency detected: A -> B -> A};
     *         nothing is written then
     * @throws StoreUnavailableException when the file cannot be written; nothing changed then
     */
    public void setDependencies(String task, List<String> prerequisites) {
        TaskNames.check(task);
        List<String> deps = TaskNames.checkAll(prerequisites);
        synchronized (lock) {
            Optional<String> invalid = file.invalid(task);
            if (invalid.isPresent()) {
                throw new InvalidScheduleException(file.path() + " keeps an entry for '" + task + "' that cannot be "
                        + "used (" + invalid.get() + "); fix it, or schedule or unschedule the task, first");
            }
            BookEntry old = entries.getOrDefault(task, new BookEntry(task, null, List.of(), null, null));
            Map<String, BookEntry> next = new TreeMap<>(entries);
            next.put(task, old.withDeps(deps));
            next.values().removeIf(BookEntry::isEmpty);
            merged(next, services).order(task);
            file.write(next.values(), null);
            entries = next;
        }
    }

    /** Every task's prerequisites: the file's, else its service's. */
    public TaskGraph graph() {
        synchronized (lock) {
            return merged(entries, services);
        }
    }

    /** {@link #graph()} as a map ordered by task name. */
    public Map<String, List<String>> dependencies() {
        return new TreeMap<>(graph().asMap());
    }

    /**
     * A task service came (or changed its properties): its task is present, and what it declares applies where the
     * file says nothing. Prerequisites that close a cycle are kept as declared: {@link #problems()} names the cycle,
     * and runs of the tasks on it are refused under the dag backend until it is broken.
     *
     * @param serviceDescription how warnings name the service, e.g. its id and bundle
     * @return the warnings about its properties, also logged and listed by {@link #problems()} while it stays
     */
    public List<String> serviceAdded(String taskName, Map<String, Object> properties, String serviceDescription) {
        ServiceDeclaration declared = ServiceDeclaration.parse(taskName, properties, serviceDescription);
        synchronized (lock) {
            services.put(taskName, declared);
            present.add(taskName);
        }
        declared.warnings().forEach(warning -> LOG.warn("{}", warning));
        tell(taskName);
        return declared.warnings();
    }

    /** A task service went: its task is absent, and what it declared no longer applies. */
    public void serviceRemoved(String taskName) {
        synchronized (lock) {
            services.remove(taskName);
            present.remove(taskName);
        }
        tell(taskName);
    }

    /** The schedule that fires for the task: the file's, else its service's. */
    public Optional<Schedule> effective(String task) {
        synchronized (lock) {
            BookEntry entry = entries.get(task);
            if (entry != null && entry.schedule() != null) {
                return Optional.of(entry.schedule());
            }
            return Optional.ofNullable(services.get(task)).map(ServiceDeclaration::schedule);
        }
    }

    /** Whether a service for the task is registered. */
    public boolean present(String task) {
        synchronized (lock) {
            return present.contains(task);
        }
    }

    /** {@link ScheduleInfo#FILE} or {@link ScheduleInfo#SERVICE}: where the effective schedule comes from; or null. */
    public String source(String task) {
        synchronized (lock) {
            BookEntry entry = entries.get(task);
            if (entry != null && entry.schedule() != null) {
                return ScheduleInfo.FILE;
            }
            ServiceDeclaration service = services.get(task);
            return service != null && service.schedule() != null ? ScheduleInfo.SERVICE : null;
        }
    }

    /** Every task with an effective schedule, present or not, ordered by name. */
    public Set<String> scheduledTasks() {
        synchronized (lock) {
            Set<String> tasks = new TreeSet<>();
            entries.values().stream().filter(e -> e.schedule() != null).forEach(e -> tasks.add(e.task()));
            services.forEach((task, service) -> {
                if (service.schedule() != null) {
                    tasks.add(task);
                }
            });
            return tasks;
        }
    }

    /** The file's entry for the task was just written anew: what the last load said about it no longer holds. */
    private void released(String task) {
        String about = file.path() + ": '" + task + "'";
        fileProblems = fileProblems.stream().filter(problem -> !problem.startsWith(about)).toList();
    }

    private static TaskGraph merged(Map<String, BookEntry> fileEntries, Map<String, ServiceDeclaration> declared) {
        Map<String, List<String>> graph = new HashMap<>();
        declared.forEach((task, service) -> {
            if (!service.deps().isEmpty()) {
                graph.put(task, service.deps());
            }
        });
        fileEntries.values().stream().filter(e -> !e.deps().isEmpty()).forEach(e -> graph.put(e.task(), e.deps()));
        return new TaskGraph(graph);
    }

    private void tell(String task) {
        for (BookListener listener : listeners) {
            try {
                listener.changed(task);
            } catch (RuntimeException e) {
                // One failing listener must not keep the others from hearing of the change.
                LOG.error("A schedule listener failed on the change of task '{}'", task, e);
            }
        }
    }
}
