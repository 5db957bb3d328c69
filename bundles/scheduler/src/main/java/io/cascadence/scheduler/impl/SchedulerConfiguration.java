package io.cascadence.scheduler.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The scheduler bundle's configuration, PID {@value #PID} ({@code config/io.cascadence.scheduler.cfg}). The core's
 * ConfigurationPlugin hands it the effective values, with the YAML file and the environment variables applied and
 * every value checked; the defaults here only apply when the core is not there to do so.
 */
@ObjectClassDefinition(id = SchedulerConfiguration.PID, name = "Cascadence scheduler",
        description = "The cron schedules, fired under the cron and dag backends. The CASCADENCE_CONFIG YAML file "
                + "and environment variables override these values.")
public @interface SchedulerConfiguration {

    /** The PID, which the core's catalogue of keys names too. */
    String PID = "io.cascadence.scheduler";

    @AttributeDefinition(description = "IANA time zone cron expressions are evaluated in (env CASCADENCE_TIMEZONE)")
    String timezone() default "UTC";
}
