package io.cascadence.metrics.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import io.cascadence.api.health.EventDrops;
import io.cascadence.api.health.RunLoad;
import io.prometheus.client.Collector;
import io.prometheus.client.CounterMetricFamily;
import io.prometheus.client.GaugeMetricFamily;

/**
 * What the core knows now, read at each scrape: runs holding a worker, runs waiting for one, and events dropped
 * for listeners that fell behind. A family whose service is not there (the core is being replaced) is left out
 * rather than shown as 0.
 */
final class LoadCollector extends Collector {

    private final Supplier<RunLoad> load;
    private final Supplier<EventDrops> drops;

    LoadCollector(Supplier<RunLoad> load, Supplier<EventDrops> drops) {
        this.load = load;
        this.drops = drops;
    }

    @Override
    public List<MetricFamilySamples> collect() {
        List<MetricFamilySamples> families = new ArrayList<>();
        RunLoad runs = load.get();
        if (runs != null) {
            families.add(new GaugeMetricFamily("cascadence_runs_in_flight",
                    "Runs holding a worker now: running, or paused between stages", runs.running()));
            families.add(new GaugeMetricFamily("cascadence_runs_queued",
                    "Runs accepted and waiting for a worker now", runs.queued()));
        }
        EventDrops events = drops.get();
        if (events != null) {
            CounterMetricFamily dropped = new CounterMetricFamily("cascadence_events_dropped_total",
                    "Events dropped for an event listener that fell behind, by listener (bundle-serviceid; "
                            + "removed: listeners that went away)", List.of("listener"));
            for (Map.Entry<String, Long> entry : new TreeMap<>(events.dropped()).entrySet()) {
                dropped.addMetric(List.of(entry.getKey()), entry.getValue());
            }
            families.add(dropped);
        }
        return families;
    }
}
