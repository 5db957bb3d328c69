package io.cascadence.metrics.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The metrics bundle's configuration, PID {@value #PID} ({@code config/io.cascadence.metrics.cfg}). The core's
 * ConfigurationPlugin hands it the effective values, with the YAML file, the environment variables and a
 * {@code --metrics-port} option applied and every value checked; the defaults here only apply when the core is
 * not there to do so.
 */
@ObjectClassDefinition(id = MetricsConfiguration.PID, name = "Cascadence metrics",
        description = "Prometheus metrics at /metrics on the HTTP port, and on a second port when one is set. The "
                + "CASCADENCE_CONFIG YAML file and environment variables override these values.")
public @interface MetricsConfiguration {

    /** The PID, which the core's catalogue of keys names too. */
    String PID = "io.cascadence.metrics";

    @AttributeDefinition(description = "A second port serving /metrics, on the HTTP port's address; 0 serves none "
            + "(env CASCADENCE_METRICS_PORT)")
    int metrics__port() default 0;
}
