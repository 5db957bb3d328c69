package io.cascadence.scheduler.impl.graph;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.cascadence.api.schedule.InvalidScheduleException;

/**
 * Declared task dependencies (task name to the names of its prerequisites), as the seed's {@code DagCronScheduler}
 * keeps them: running a task runs its prerequisites first, depth first, each once, in declaration order
 * ({@code A -> [B, C]}, {@code B -> [C]} runs C, B, A). Plain logic over an immutable map.
 */
public final class TaskGraph {

    private final Map<String, List<String>> prerequisites;

    /** @param prerequisites each task's prerequisites, in the order declared; copied, empty lists left out */
    public TaskGraph(Map<String, List<String>> prerequisites) {
        // An empty list declares nothing: it is left out, so asMap() lists real declarations only.
        this.prerequisites = prerequisites.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
    }

    /**
     * The tasks to run, prerequisites first and {@code task} last, each once.
     *
     * @throws InvalidScheduleException when the dependencies reachable from {@code task} form a cycle, named as
     *         {@code Cyclic dependency detected: A -> B -> A} (the original's message)
     */
    public List<String> order(String task) {
        Set<String> done = new LinkedHashSet<>();
        visit(task, new ArrayList<>(), done);
        return List.copyOf(done);
    }

    /** The first cycle found anywhere in the graph, as {@code A -> B -> A}, if there is one. */
    public Optional<String> cycle() {
        Set<String> done = new LinkedHashSet<>();
        for (String task : prerequisites.keySet().stream().sorted().toList()) {
            try {
                visit(task, new ArrayList<>(), done);
            } catch (CycleException e) {
                return Optional.of(e.path);
            }
        }
        return Optional.empty();
    }

    /** The prerequisites declared for {@code task}, in order (empty when none). */
    public List<String> prerequisites(String task) {
        return prerequisites.getOrDefault(task, List.of());
    }

    /** Every declaration. */
    public Map<String, List<String>> asMap() {
        return prerequisites;
    }

    private void visit(String task, List<String> path, Set<String> done) {
        if (done.contains(task)) {
            return;
        }
        int seen = path.indexOf(task);
        if (seen >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(seen, path.size()));
            cycle.add(task);
            throw new CycleException(String.join(" -> ", cycle));
        }
        path.add(task);
        for (String prerequisite : prerequisites(task)) {
            visit(prerequisite, path, done);
        }
        path.remove(path.size() - 1);
        done.add(task);
    }

    /** A cycle, named by its path. */
    public static final class CycleException extends InvalidScheduleException {

        private static final long serialVersionUID = 1L;

        private final String path;

        CycleException(String path) {
            super("Cyclic dependency detected: " + path);
            this.path = path;
        }

        /** The cycle as {@code A -> B -> A}. */
        public String path() {
            return path;
        }
    }
}
