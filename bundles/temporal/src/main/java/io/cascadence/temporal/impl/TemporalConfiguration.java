package io.cascadence.temporal.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The Temporal backend's configuration, PID {@value #PID} ({@code config/io.cascadence.temporal.cfg}). The core's
 * ConfigurationPlugin hands it the effective values, with the YAML file and the environment variables applied and
 * every value checked; the defaults here only apply when the core is not there to do so. The backend also reads
 * {@code backend} from the core's PID ({@code io.cascadence}): it connects and runs its worker only while that
 * names {@code temporal}.
 */
@ObjectClassDefinition(id = TemporalConfiguration.PID, name = "Cascadence Temporal backend",
        description = "backend = temporal: runs become workflows on a Temporal service, executed by a worker in "
                + "this container. The CASCADENCE_CONFIG YAML file and environment variables override these values.")
public @interface TemporalConfiguration {

    /** The PID, which the core's catalogue of keys names too. */
    String PID = "io.cascadence.temporal";

    @AttributeDefinition(description = "Temporal frontend address, host:port (env TEMPORAL_SERVER)")
    String temporal__server() default "localhost:7233";

    @AttributeDefinition(description = "Temporal namespace (env TEMPORAL_NAMESPACE)")
    String temporal__namespace() default "default";

    @AttributeDefinition(description = "Task queue the workflows of runs go to and this container's worker polls; "
            + "installations sharing one share its work (env CASCADENCE_TEMPORAL_TASK_QUEUE)")
    String temporal__task__queue() default "cascadence";

    @AttributeDefinition(description = "PEM client certificate for TLS (mutual TLS with temporal_tls_key) "
            + "(env TEMPORAL_TLS_CERT)")
    String temporal__tls__cert() default "";

    @AttributeDefinition(description = "PEM PKCS#8 private key of temporal_tls_cert (env TEMPORAL_TLS_KEY)")
    String temporal__tls__key() default "";

    @AttributeDefinition(description = "PEM certificate authority that signed the server's certificate; empty: the "
            + "JVM's trusted ones (env TEMPORAL_TLS_CA)")
    String temporal__tls__ca() default "";

    @AttributeDefinition(description = "Whether to use TLS even with no certificate or CA file set "
            + "(env TEMPORAL_TLS)")
    boolean temporal__tls() default false;

    @AttributeDefinition(description = "Attempts of a run's activity when the worker running it is lost or fails "
            + "to reach Cascadence; a task's failure is never retried (env CASCADENCE_TEMPORAL_ATTEMPTS)")
    int temporal__attempts() default 3;

    @AttributeDefinition(description = "Attempts of single tasks' runs, NAME=N, comma-separated; they win over "
            + "temporal_attempts (env CASCADENCE_TEMPORAL_TASK_ATTEMPTS)")
    String temporal__task__attempts() default "";

    /** From the core's PID: the backend in force. */
    @AttributeDefinition(description = "Scheduler backend, from io.cascadence")
    String backend() default "cron";
}
