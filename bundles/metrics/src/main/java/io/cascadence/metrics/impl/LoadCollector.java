package io.cascadence.metrics.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import io.cascadence.api.health.EventDrops;
import io.cascadence.api.health.RunLoad;
import io.cascadence.api.health.TransportState;
import io.cascadence.api.health.TransportStates;
import io.prometheus.client.Collector;
import io.prometheus.client.CounterMetricFamily;
import io.prometheus.client.GaugeMetricFamily;

/**
 * What the core knows now, read at each scrape: runs holding a worker, runs waiting for one, events dropped
 * for listeners that fell behind, and the event transport's state, backlog, deliveries and drops. A family whose service is not there (the core is being replaced) is left out
 * rather than shown as 0.
 */
final class LoadCollector extends Collector {

    private final Supplier<RunLoad> load;
    private final Supplier<EventDrops> drops;
    private final Supplier<TransportStates> transports;

    LoadCollector(Supplier<RunLoad> load, Supplier<EventDrops> drops, Supplier<TransportStates> transports) {
        this.load = load;
        this.drops = drops;
        this.transports = transports;
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
        TransportStates ume = transports.get();
        if (ume != null && !ume.transports().isEmpty()) {
            families.addAll(transportFamilies(ume.transports()));
        }
        return families;
    }

    private static List<MetricFamilySamples> transportFamilies(List<TransportState> states) {
        List<String> labels = List.of("transport");
        GaugeMetricFamily up = new GaugeMetricFamily("cascadence_ume_connected",
                "1 while the event transport delivers (connected), 0 otherwise", labels);
        GaugeMetricFamily backlog = new GaugeMetricFamily("cascadence_ume_backlog",
                "Events waiting in the transport's buffer now", labels);
        GaugeMetricFamily capacity = new GaugeMetricFamily("cascadence_ume_buffer_capacity",
                "The most events the transport's buffer holds (ume_buffer)", labels);
        CounterMetricFamily delivered = new CounterMetricFamily("cascadence_ume_delivered_total",
                "Events the transport delivered since the container started", labels);
        CounterMetricFamily dropped = new CounterMetricFamily("cascadence_ume_dropped_total",
                "Events dropped, oldest first, because the transport's buffer was full", labels);
        for (TransportState state : states) {
            List<String> name = List.of(state.transport());
            up.addMetric(name, "connected".equals(state.state()) ? 1 : 0);
            backlog.addMetric(name, state.backlog());
            capacity.addMetric(name, state.capacity());
            delivered.addMetric(name, state.delivered());
            dropped.addMetric(name, state.dropped());
        }
        return List.of(up, backlog, capacity, delivered, dropped);
    }
}
