package io.cascadence.transport.nats.impl;

import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.cascadence.ume.spi.UmeConnection;
import io.cascadence.ume.spi.UmeConnector;

/**
 * The NATS transport ({@code ume_transport: nats}): opens {@link NatsConnection}s from the keys
 * {@code ume_nats_conn} (server URLs, comma-separated; default {@code nats://127.0.0.1:4222}),
 * {@code ume_nats_subject} (default {@code events}) and {@code ume_nats_stream} (a JetStream stream, created if
 * missing; empty for core NATS). Other keys are ignored.
 */
@Component(property = UmeConnector.TRANSPORT + "=nats")
public class NatsConnector implements UmeConnector {

    /**
     * @return a connection that connects in the background; never {@code null}
     * @throws IllegalArgumentException when a key's value is unusable (a server that is not a nats://, tls://,
     *         ws:// or wss:// URL; a subject with spaces or wildcards; a stream name with dots or spaces), naming
     *         the key and the value
     */
    @Override
    public UmeConnection open(Map<String, String> settings) {
        return NatsConnection.open(NatsSettings.parse(settings));
    }
}
