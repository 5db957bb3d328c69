package io.cascadence.web.impl.n8n;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The prerequisites among the registered tasks, as the workflow can carry them: without prerequisites that are not
 * registered (no node calls them) and without a declaration that would close a cycle (n8n would loop), each left
 * out with a note saying so. A cycle cannot be declared through Cascadence, but a hand-edited {@code schedules.yml}
 * or service property can hold one.
 */
final class TaskGraph {

    private final Map<String, List<String>> prerequisites = new HashMap<>();
    private final Map<String, List<String>> notes = new HashMap<>();
    private final Map<String, Integer> depths = new HashMap<>();

    private TaskGraph() {
    }

    static TaskGraph of(Set<String> registered, Map<String, List<String>> declared) {
        TaskGraph graph = new TaskGraph();
        for (String task : new TreeSet<>(registered)) {
            graph.visit(task, registered, declared, new HashSet<>());
        }
        return graph;
    }

    /** The registered prerequisites of {@code task} that the workflow connects, in declaration order. */
    List<String> prerequisites(String task) {
        return prerequisites.getOrDefault(task, List.of());
    }

    /** What was left out of {@code task}'s prerequisites, and why. */
    List<String> notes(String task) {
        return notes.getOrDefault(task, List.of());
    }

    /** 0 for a task without prerequisites, else one more than its deepest prerequisite. */
    int depth(String task) {
        return depths.getOrDefault(task, 0);
    }

    private int visit(String task, Set<String> registered, Map<String, List<String>> declared, Set<String> path) {
        Integer known = depths.get(task);
        if (known != null) {
            return known;
        }
        path.add(task);
        List<String> kept = new ArrayList<>();
        List<String> left = new ArrayList<>();
        int depth = 0;
        for (String prerequisite : declared.getOrDefault(task, List.of())) {
            if (kept.contains(prerequisite)) {
                continue;
            }
            if (!registered.contains(prerequisite)) {
                left.add("Prerequisite '" + prerequisite + "' is not registered in Cascadence, so no node calls it.");
            } else if (path.contains(prerequisite)) {
                left.add("Prerequisite '" + prerequisite + "' is left out: it would close a cycle of prerequisites, "
                        + "which Cascadence refuses to run.");
            } else {
                kept.add(prerequisite);
                depth = Math.max(depth, visit(prerequisite, registered, declared, path) + 1);
            }
        }
        path.remove(task);
        prerequisites.put(task, List.copyOf(kept));
        if (!left.isEmpty()) {
            notes.put(task, List.copyOf(left));
        }
        depths.put(task, depth);
        return depth;
    }
}
