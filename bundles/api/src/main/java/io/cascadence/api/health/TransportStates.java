package io.cascadence.api.health;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The event transports' states. The UME bundle provides it while {@code ume_transport} names a transport;
 * {@code GET /health} and {@code /metrics} read it.
 *
 * @since 1.2.0
 */
@ProviderType
public interface TransportStates {

    /** One state per configured transport (today at most one); empty when no transport is configured. */
    List<TransportState> transports();
}
