package io.cascadence.core.impl.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.cascadence.api.TaskPath;

/**
 * {@code tasks.yml}: the original's list of paths. An entry with a name of its own or a schedule is a mapping
 * {@code {path, name, schedule}}; a plain entry, named by its class, stays a string. A class registered under
 * several names has an entry for each.
 */
public final class TaskPathFile {

    private TaskPathFile() {
    }

    /** @param paths the entries as stored: a {@code null} name where the class names the task */
    public static byte[] write(List<TaskPath> paths) {
        List<Object> document = new ArrayList<>();
        for (TaskPath path : paths) {
            if (path.name() == null && path.schedule() == null) {
                document.add(path.path());
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("path", path.path());
            if (path.name() != null) {
                entry.put("name", path.name());
            }
            if (path.schedule() != null) {
                entry.put("schedule", path.schedule());
            }
            document.add(entry);
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(document).getBytes(StandardCharsets.UTF_8);
    }

    /** Entries as written, with {@code null} names where the class names the task. */
    public static List<TaskPath> parse(byte[] content) {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(new String(content, StandardCharsets.UTF_8));
        List<TaskPath> result = new ArrayList<>();
        if (document == null) {
            return result;
        }
        if (!(document instanceof List<?> list)) {
            throw new IllegalArgumentException("expected a list of 'bundle:Class' paths");
        }
        for (Object item : list) {
            if (item instanceof String path) {
                result.add(new TaskPath(path, null, null));
            } else if (item instanceof Map<?, ?> entry && entry.get("path") instanceof String path) {
                Object name = entry.get("name");
                Object schedule = entry.get("schedule");
                result.add(new TaskPath(path, name == null ? null : name.toString(),
                        schedule == null ? null : schedule.toString()));
            } else {
                throw new IllegalArgumentException("entry " + item + " is neither a path nor a mapping with a path");
            }
        }
        return result;
    }
}
