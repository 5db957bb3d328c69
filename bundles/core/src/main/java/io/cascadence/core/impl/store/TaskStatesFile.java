package io.cascadence.core.impl.store;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.cascadence.core.impl.pipeline.TaskStates;

/** {@code task-states.yml}: {@code paused: [names]} and {@code disabled: [names]}. */
public final class TaskStatesFile {

    private TaskStatesFile() {
    }

    public static byte[] write(TaskStates states) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("paused", states.pausedNames());
        document.put("disabled", states.disabledNames());
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(document).getBytes(StandardCharsets.UTF_8);
    }

    /** Applies the file's states; throws with a message naming what is wrong. */
    public static TaskStates read(byte[] content) {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(new String(content, StandardCharsets.UTF_8));
        TaskStates states = new TaskStates();
        if (document == null) {
            return states;
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("expected a mapping with 'paused' and 'disabled' lists");
        }
        for (String key : List.of("paused", "disabled")) {
            Object names = map.get(key);
            if (names == null) {
                continue;
            }
            if (!(names instanceof List<?> list)) {
                throw new IllegalArgumentException("'" + key + "' is not a list of task names");
            }
            for (Object name : list) {
                if (key.equals("paused")) {
                    states.setPaused(String.valueOf(name), true);
                } else {
                    states.setDisabled(String.valueOf(name), true);
                }
            }
        }
        return states;
    }
}
