package io.cascadence.web.impl;

import java.util.List;
import java.util.Map;

import io.cascadence.api.Identity;
import io.cascadence.api.PointerStore;
import io.cascadence.api.RunHistory;
import io.cascadence.api.RunRecord;
import io.cascadence.api.StoreUnavailableException;
import io.cascadence.api.TaskInfo;
import io.cascadence.api.TaskRegistry;
import io.cascadence.api.UnknownTaskException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The entries of {@code GET /tasks} and {@code GET /tasks/{name}}: each task with its newest run, its runs in
 * progress and its pointers. However many tasks and runs there are, a list costs one statement of the run history
 * (the newest runs), one pass over the runs in progress and a pointer count per task, all in memory but the first.
 * With a token bound to a user, {@code last_run} and {@code running} are that user's runs, as {@code GET /runs} is.
 * A run history that cannot be read leaves {@code last_run} {@code null}; the tasks are listed all the same.
 */
final class TaskEntries {

    private final TaskRegistry registry;
    private final RunHistory history;
    private final PointerStore pointers;
    private final String hashSecret;

    TaskEntries(TaskRegistry registry, RunHistory history, PointerStore pointers, String hashSecret) {
        this.registry = registry;
        this.history = history;
        this.pointers = pointers;
        this.hashSecret = hashSecret;
    }

    /** Every registered task, ordered by name. */
    List<Map<String, Object>> all(HttpServletRequest request) {
        return describe(registry.tasks(), caller(request));
    }

    /** @throws UnknownTaskException when no task has that name */
    Map<String, Object> one(HttpServletRequest request, String name) {
        TaskInfo task = registry.task(name).orElseThrow(() -> new UnknownTaskException(name));
        return describe(List.of(task), caller(request)).get(0);
    }

    private List<Map<String, Object>> describe(List<TaskInfo> tasks, String userHash) {
        Map<String, RunRecord> latest = latest(tasks, userHash);
        Map<String, Integer> running = history.inProgress(userHash);
        return tasks.stream().map(t -> TaskJson.describe(t, latest.get(t.name()), running.getOrDefault(t.name(), 0),
                pointers.count(t.name()))).toList();
    }

    private Map<String, RunRecord> latest(List<TaskInfo> tasks, String userHash) {
        try {
            return history.latest(tasks.stream().map(TaskInfo::name).toList(), userHash);
        } catch (StoreUnavailableException e) {
            // The tasks are listed all the same, without their last runs: /health names the run history's problem.
            return Map.of();
        }
    }

    /** The hash of the user a bound token names, or {@code null} for every user's runs. */
    private String caller(HttpServletRequest request) {
        Identity bound = BoundIdentityRequest.of(request);
        return bound == null ? null : Identity.hash(hashSecret, bound.userId());
    }
}
