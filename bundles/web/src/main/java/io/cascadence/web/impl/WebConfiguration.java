package io.cascadence.web.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The web bundle's configuration, PID {@value #PID} ({@code config/io.cascadence.web.cfg}). The core's
 * ConfigurationPlugin hands it the effective values, with the YAML file and the environment variables applied and
 * every value checked; the defaults here only apply when the core is not there to do so.
 */
@ObjectClassDefinition(id = WebConfiguration.PID, name = "Cascadence web",
        description = "The REST API. The CASCADENCE_CONFIG YAML file and environment variables override these "
                + "values.")
public @interface WebConfiguration {

    /** The PID, which the core's catalogue of keys names too. */
    String PID = "io.cascadence.web";

    @AttributeDefinition(description = "Seconds POST /tasks/{name}/run waits for the result before it answers 202 "
            + "with the run id (env CASCADENCE_SYNC_WAIT)")
    double sync__wait() default 30;

    @AttributeDefinition(description = "Largest HTTP request body read, in bytes; a larger one is refused with 413 "
            + "(env CASCADENCE_MAX_BODY_SIZE)")
    int max__body__size() default 1048576;

    @AttributeDefinition(description = "A second HTTP port that serves only POST /webhook/{source}; 0 for none "
            + "(env CASCADENCE_WEBHOOK_PORT)")
    int webhook__port() default 0;

    @AttributeDefinition(description = "Address the webhook_port listener binds to (env CASCADENCE_WEBHOOK_HOST)")
    String webhook__host() default "0.0.0.0";
}
