package io.cascadence.core.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Task services by name. Several services may claim one name; the one with precedence is used and the others
 * wait, so that when it goes away the next takes over without a gap.
 */
final class TaskTable {

    static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private static final Logger LOG = LoggerFactory.getLogger(TaskTable.class);

    private final Map<String, List<RegisteredTask>> byName = new TreeMap<>();
    private final Map<Long, String> nameById = new HashMap<>();

    /** Adds or, for a service already known, replaces an entry. Returns false when the name is refused. */
    synchronized boolean put(RegisteredTask task) {
        remove(task.serviceId());
        if (task.name() == null || !VALID_NAME.matcher(task.name()).matches()) {
            LOG.warn("Ignoring task {}: its {} property is {}; expected 1 to 100 letters, digits, '.', '_' or '-',"
                    + " starting with a letter or digit", task.describe(), io.cascadence.api.TaskProperties.TASK_NAME,
                    task.name() == null ? "missing" : "'" + task.name() + "'");
            return false;
        }
        List<RegisteredTask> claimants = byName.computeIfAbsent(task.name(), n -> new ArrayList<>());
        claimants.add(task);
        claimants.sort(RegisteredTask.PRECEDENCE);
        nameById.put(task.serviceId(), task.name());
        if (claimants.size() > 1) {
            LOG.warn("Task name '{}' is claimed by {} services; using {}", task.name(), claimants.size(),
                    claimants.get(0).describe());
        } else {
            LOG.info("Task '{}' registered by {}", task.name(), task.describe());
        }
        return true;
    }

    synchronized void remove(long serviceId) {
        String name = nameById.remove(serviceId);
        if (name == null) {
            return;
        }
        List<RegisteredTask> claimants = byName.get(name);
        claimants.removeIf(t -> t.serviceId() == serviceId);
        if (claimants.isEmpty()) {
            byName.remove(name);
            LOG.info("Task '{}' unregistered", name);
        } else {
            LOG.info("Task '{}' now provided by {}", name, claimants.get(0).describe());
        }
    }

    synchronized List<RegisteredTask> all() {
        return byName.values().stream().map(l -> l.get(0)).toList();
    }

    synchronized Optional<RegisteredTask> find(String name) {
        List<RegisteredTask> claimants = name == null ? null : byName.get(name);
        return claimants == null ? Optional.empty() : Optional.of(claimants.get(0));
    }
}
