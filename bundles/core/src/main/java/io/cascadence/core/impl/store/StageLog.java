package io.cascadence.core.impl.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import io.cascadence.api.event.AuditEvent;
import io.cascadence.api.event.CascadenceEvent;
import io.cascadence.api.event.StageUpdate;
import io.cascadence.core.impl.events.EventSink;

/**
 * The StageStore: stage updates under the task's name and audit events under {@code <name>:audit}, each a list
 * of mappings in the original's {@code stages.yml} shape, keeping the newest {@code retention} per key. Unlike
 * the original, the group is stored hashed, as {@code group_hash}.
 */
public final class StageLog implements EventSink {

    private final int retention;
    private final Runnable onChange;
    /** Per key, events or mappings read from disk, oldest first. */
    private final Map<String, Deque<Object>> events = new LinkedHashMap<>();

    public StageLog(int retention, Runnable onChange) {
        this.retention = retention;
        this.onChange = onChange;
    }

    /** Keeps the event itself; it becomes a mapping only when written, on the writer's thread. */
    @Override
    public void accept(CascadenceEvent event) {
        if (event instanceof StageUpdate update) {
            add(update.taskName(), update);
        } else if (event instanceof AuditEvent audit) {
            add(audit.taskName() + ":audit", audit);
        }
    }

    /** Puts back what was read from disk, keeping its order. */
    public synchronized void restore(Map<String, List<Map<String, Object>>> stored) {
        stored.forEach((key, list) -> list.forEach(entry -> append(key, new LinkedHashMap<>(entry))));
    }

    /** The events under one key, oldest first, as they are written. */
    public List<Map<String, Object>> events(String key) {
        List<Object> list;
        synchronized (this) {
            Deque<Object> stored = events.get(key);
            list = stored == null ? List.of() : new ArrayList<>(stored);
        }
        return list.stream().map(StageLog::entry).toList();
    }

    /** The whole store as YAML. */
    public byte[] snapshot() {
        Map<String, List<Object>> held = new LinkedHashMap<>();
        synchronized (this) {
            events.forEach((key, list) -> held.put(key, new ArrayList<>(list)));
        }
        Map<String, List<Map<String, Object>>> copy = new LinkedHashMap<>();
        held.forEach((key, list) -> copy.put(key, list.stream().map(StageLog::entry).toList()));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        return new Yaml(options).dump(copy).getBytes(StandardCharsets.UTF_8);
    }

    private void add(String key, Object entry) {
        synchronized (this) {
            append(key, entry);
        }
        onChange.run();
    }

    private void append(String key, Object entry) {
        Deque<Object> list = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        list.addLast(entry);
        while (list.size() > retention) {
            list.removeFirst();
        }
    }

    /** The original's mapping for an event; mappings read from disk stay as they were. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> entry(Object held) {
        if (held instanceof StageUpdate update) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("stage", update.stage());
            entry.put("time", update.time().toString());
            identity(entry, update);
            return entry;
        }
        if (held instanceof AuditEvent audit) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("stage", audit.stage());
            entry.put("time", audit.time().toString());
            entry.put("status", audit.status());
            putIfPresent(entry, "reason", audit.reason());
            putIfPresent(entry, "output", audit.output());
            identity(entry, audit);
            return entry;
        }
        return (Map<String, Object>) held;
    }

    private static void identity(Map<String, Object> entry, CascadenceEvent event) {
        putIfPresent(entry, "user_hash", event.userHash());
        putIfPresent(entry, "group_hash", event.groupHash());
        putIfPresent(entry, "run_id", event.runId());
    }

    private static void putIfPresent(Map<String, Object> entry, String key, Object value) {
        if (value != null) {
            entry.put(key, value);
        }
    }
}
