package io.cascadence.metrics.impl;

import java.io.IOException;
import java.io.Writer;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;

/**
 * Writes a registry in the text exposition format 0.0.4, label values escaped by the client library whatever
 * they hold. The client adds a {@code _created} sample (the time a series began) to every counter and histogram;
 * the original's output had none, and they double the series a scraper stores, so they are left out.
 */
final class MetricsText {

    private MetricsText() {
    }

    static void write(CollectorRegistry registry, Writer out) throws IOException {
        TextFormat.write004(out, registry.filteredMetricFamilySamples(name -> !name.endsWith("_created")));
    }
}
