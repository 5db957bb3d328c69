package io.cascadence.ume.spi;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Opens connections of one transport. A transport bundle registers one as a service with the property
 * {@value #TRANSPORT} naming the transport as {@code ume_transport} does ({@code nats}, {@code grpc}); the UME
 * bundle uses it while {@code ume_transport} names it.
 */
@ConsumerType
public interface UmeConnector {

    /** The service property that names the transport. */
    String TRANSPORT = "ume.transport";

    /**
     * Opens a connection with the transport PID's effective settings ({@code io.cascadence.transport}: keys such
     * as {@code ume_nats_conn}, {@code ume_nats_subject}, {@code ume_nats_stream}, {@code ume_grpc_stub},
     * {@code ume_grpc_method}, as strings). Returns at once, connected or not: a server that is down now is
     * reached later, and {@link UmeConnection#connected()} says so meanwhile.
     *
     * @param settings the settings by key; a missing key means its default
     * @return an open connection
     * @throws IllegalArgumentException when a setting is wrong (a URL that is not one), with a message naming the
     *         key and the value
     */
    UmeConnection open(Map<String, String> settings);
}
