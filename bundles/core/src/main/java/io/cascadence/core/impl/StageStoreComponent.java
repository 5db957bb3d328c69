package io.cascadence.core.impl;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

import io.cascadence.api.config.CascadenceConfig;
import io.cascadence.api.health.HealthContributor;
import io.cascadence.api.event.CascadenceEvent;
import io.cascadence.core.impl.events.EventSink;
import io.cascadence.core.impl.store.BatchWriter;
import io.cascadence.core.impl.store.StageLog;
import io.cascadence.core.impl.store.StoreFile;

/** The StageStore ({@code stages.yml}): restored at start, written in batches. */
@Component(service = {EventSink.class, HealthContributor.class}, immediate = true)
public class StageStoreComponent implements EventSink, HealthContributor {

    @Reference
    private CascadenceConfig config;

    private StageLog stages;
    private volatile BatchWriter writer;
    private String unreadable;

    @Activate
    void activate() {
        Path file = config.stagesPath();
        StoreFile.Loaded<Map<String, List<Map<String, Object>>>> loaded = StoreFile.load(file,
                StageStoreComponent::parse);
        stages = new StageLog(config.stageRetention(), this::changed);
        loaded.content().ifPresent(stages::restore);
        unreadable = loaded.warning(file);
        if (loaded.writable()) {
            writer = new BatchWriter(file, RunHistoryComponent.WRITE_INTERVAL, stages::snapshot);
        }
    }

    private void changed() {
        BatchWriter pending = writer;
        if (pending != null) {
            pending.markDirty();
        }
    }

    @Override
    public List<String> warnings() {
        return StoreWarnings.of(unreadable, writer);
    }

    @Deactivate
    void deactivate() {
        if (writer != null) {
            writer.close();
        }
    }

    @Override
    public void accept(CascadenceEvent event) {
        stages.accept(event);
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
