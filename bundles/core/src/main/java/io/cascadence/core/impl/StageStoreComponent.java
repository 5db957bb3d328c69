package io.cascadence.core.impl;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.cascadence.api.StageEvents;
import io.cascadence.api.config.CascadenceConfig;
import io.cascadence.api.health.HealthContributor;
import io.cascadence.api.event.CascadenceEvent;
import io.cascadence.core.impl.events.EventSink;
import io.cascadence.core.impl.store.StageLog;
import io.cascadence.core.impl.store.PersistedFile;

/** The StageStore ({@code stages.yml}): restored at start, written in batches, read through {@link StageEvents}. */
@Component(service = {EventSink.class, HealthContributor.class, StageEvents.class}, immediate = true)
public class StageStoreComponent implements EventSink, HealthContributor, StageEvents {

    @Reference
    private CascadenceConfig config;

    private StageLog stages;
    private PersistedFile file;

    @Activate
    void activate() {
        file = new PersistedFile(config.stagesPath());
        stages = new StageLog(config.stageRetention(), file::changed);
        file.open(StageStoreComponent::parse, stages::restore, stages::snapshot);
    }

    @Deactivate
    void deactivate() {
        file.close();
    }

    @Override
    public List<String> warnings() {
        return file.warnings();
    }

    @Override
    public void accept(CascadenceEvent event) {
        stages.accept(event);
    }

    @Override
    public List<Map<String, Object>> events(String taskName, Category category, String userHash,
            String groupHash) {
        String key = category == Category.AUDIT ? taskName + ":audit" : taskName;
        return stages.events(key).stream()
                .filter(e -> userHash == null || userHash.equals(e.get("user_hash")))
                .filter(e -> groupHash == null || groupHash.equals(e.get("group_hash")))
                .map(Collections::unmodifiableMap)
                .toList();
    }

    /** The original's shape: a mapping of keys to lists of event mappings. Anything else is refused. */
    @SuppressWarnings("unchecked")
    static Map<String, List<Map<String, Object>>> parse(byte[] content) {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(new String(content, StandardCharsets.UTF_8));
        Map<String, List<Map<String, Object>>> result = new LinkedHashMap<>();
        if (document == null) {
            return result;
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("expected a mapping of task names to lists of events");
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getValue() instanceof List<?> list)
                    || !list.stream().allMatch(item -> item instanceof Map)) {
                throw new IllegalArgumentException("'" + entry.getKey() + "' is not a list of event mappings");
            }
            result.put(String.valueOf(entry.getKey()), (List<Map<String, Object>>) list);
        }
        return result;
    }
}
