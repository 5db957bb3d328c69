package io.cascadence.core.impl.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.cascadence.api.Pointer;
import io.cascadence.api.StoreFullException;

/**
 * Pointers in memory, in the original's {@code pointers.yml} shape: a mapping of task names to lists of
 * {@code {run_id, user_hash[, group_hash]}}. Duplicates are kept out.
 */
public final class PointerLog {

    private final Map<String, Set<Pointer>> pointers = new LinkedHashMap<>();
    private final Runnable onChange;

    public PointerLog(Runnable onChange) {
        this.onChange = onChange;
    }

    /** @return whether it was new; adding a pointer that is there changes nothing */
    public boolean add(String taskName, Pointer pointer) {
        boolean added;
        synchronized (this) {
            added = pointers.computeIfAbsent(taskName, t -> new LinkedHashSet<>()).add(pointer);
        }
        if (added) {
            onChange.run();
        }
        return added;
    }

    /**
     * Adds a pointer unless the task holds {@code perTask} pointers already, or the log holds {@code tasks} task
     * names and this one is new; all in one step, so concurrent callers cannot pass a limit together.
     *
     * @return whether it was new, as {@link #add}
     * @throws StoreFullException naming the limit reached
     */
    public boolean addBounded(String taskName, Pointer pointer, int perTask, int tasks) {
        boolean added;
        synchronized (this) {
            Set<Pointer> set = pointers.get(taskName);
            if (set == null && pointers.size() >= tasks) {
                throw new StoreFullException("the PointerStore holds pointers of " + pointers.size()
                        + " tasks, the most it takes pointers from other instances for; '" + taskName
                        + "' is not among them");
            }
            if (set != null && set.size() >= perTask && !set.contains(pointer)) {
                throw new StoreFullException("task '" + taskName + "' holds " + set.size()
                        + " pointers, the most it takes pointers from other instances for");
            }
            added = pointers.computeIfAbsent(taskName, t -> new LinkedHashSet<>()).add(pointer);
        }
        if (added) {
            onChange.run();
        }
        return added;
    }

    public synchronized List<Pointer> pointers(String taskName) {
        Set<Pointer> set = pointers.get(taskName);
        return set == null ? List.of() : List.copyOf(set);
    }

    public byte[] snapshot() {
        Map<String, List<Map<String, Object>>> document = new LinkedHashMap<>();
        synchronized (this) {
            pointers.forEach((task, set) -> {
                List<Map<String, Object>> list = new ArrayList<>();
                for (Pointer pointer : set) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("run_id", pointer.runId());
                    entry.put("user_hash", pointer.userHash());
                    if (pointer.groupHash() != null) {
                        entry.put("group_hash", pointer.groupHash());
                    }
                    list.add(entry);
                }
                document.put(task, list);
            });
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(document).getBytes(StandardCharsets.UTF_8);
    }

    /** Reads {@code pointers.yml}; throws with a message naming what is wrong. */
    public static Map<String, List<Pointer>> parse(byte[] content) {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(new String(content, StandardCharsets.UTF_8));
        Map<String, List<Pointer>> result = new LinkedHashMap<>();
        if (document == null) {
            return result;
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("expected a mapping of task names to lists of pointers");
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getValue() instanceof List<?> list)) {
                throw new IllegalArgumentException("'" + entry.getKey() + "' is not a list of pointers");
            }
            List<Pointer> pointers = new ArrayList<>();
            for (Object item : list) {
                if (!(item instanceof Map<?, ?> fields) || fields.get("run_id") == null
                        || fields.get("user_hash") == null) {
                    throw new IllegalArgumentException("a pointer of '" + entry.getKey()
                            + "' lacks run_id or user_hash");
                }
                Object group = fields.get("group_hash") != null ? fields.get("group_hash") : fields.get("group_id");
                pointers.add(new Pointer(String.valueOf(fields.get("run_id")), String.valueOf(fields.get("user_hash")),
                        group == null ? null : String.valueOf(group)));
            }
            result.put(String.valueOf(entry.getKey()), pointers);
        }
        return result;
    }
}
