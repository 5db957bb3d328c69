package io.cascadence.ume.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The event transport's configuration, PID {@value #PID} ({@code config/io.cascadence.transport.cfg}). The core's
 * ConfigurationPlugin hands it the effective values, with the YAML file, the environment variables and the
 * command line's {@code --transport}, {@code --nats-url}, ... applied and every value checked; the defaults here
 * only apply when the core is not there to do so. Every key applies live.
 */
@ObjectClassDefinition(id = TransportConfiguration.PID, name = "Cascadence UME transport",
        description = "Where every event goes (NATS or gRPC), the buffer that holds events while the transport is "
                + "down, and pointer sync between installations. The CASCADENCE_CONFIG YAML file and environment "
                + "variables override these values.")
public @interface TransportConfiguration {

    /** The PID, which the core's catalogue of keys names too. */
    String PID = "io.cascadence.transport";

    @AttributeDefinition(description = "nats, grpc, or empty for none (env UME_TRANSPORT)")
    String ume__transport() default "";

    @AttributeDefinition(description = "NATS server URL(s), comma-separated; empty: nats://127.0.0.1:4222 "
            + "(env UME_NATS_CONN)")
    String ume__nats__conn() default "";

    @AttributeDefinition(description = "NATS subject (env UME_NATS_SUBJECT)")
    String ume__nats__subject() default "events";

    @AttributeDefinition(description = "JetStream stream; empty publishes without acknowledgements "
            + "(env UME_NATS_STREAM)")
    String ume__nats__stream() default "";

    @AttributeDefinition(description = "gRPC target: host:port or a gRPC target URI (env UME_GRPC_STUB)")
    String ume__grpc__stub() default "";

    @AttributeDefinition(description = "gRPC method: a method of cascadence.ume.Ume or service/Method "
            + "(env UME_GRPC_METHOD)")
    String ume__grpc__method() default "Send";

    @AttributeDefinition(description = "Events kept while the transport is down (env UME_BUFFER)")
    int ume__buffer() default 10_000;

    @AttributeDefinition(description = "Apply other installations' pointer updates (env UME_POINTER_SYNC)")
    boolean ume__pointer__sync() default false;

    @AttributeDefinition(description = "Re-emit received pointer updates once (env UME_BROADCAST_POINTERS)")
    boolean ume__broadcast__pointers() default false;
}
