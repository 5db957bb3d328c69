package io.cascadence.metrics.impl;

import java.io.IOException;
import java.io.Writer;

/** The metrics as text, for whoever serves {@code /metrics}: the servlet and the second port. */
interface Exposition {

    /** The {@code Content-Type} of what {@link #write} writes: the text exposition format 0.0.4. */
    String CONTENT_TYPE = io.prometheus.client.exporter.common.TextFormat.CONTENT_TYPE_004;

    /** Writes every metric as it is now, in the text exposition format 0.0.4. */
    void write(Writer out) throws IOException;
}
