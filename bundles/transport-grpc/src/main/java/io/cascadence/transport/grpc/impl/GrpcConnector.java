package io.cascadence.transport.grpc.impl;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import io.cascadence.ume.spi.UmeConnection;
import io.cascadence.ume.spi.UmeConnector;

/**
 * The {@code grpc} UME transport ({@code ume_transport=grpc}): opens {@link GrpcConnection}s that call a gRPC
 * service once per event.
 * <p>
 * Settings (PID {@code io.cascadence.transport}):
 * <ul>
 * <li>{@code ume_grpc_stub} (env {@code UME_GRPC_STUB}, command line {@code --grpc-stub}): the server,
 * {@code host:port} or a gRPC target URI such as {@code dns:///host:port}; required. The Python original took a
 * {@code module:attr} naming a stub object here; such a value is refused with a message that says so.</li>
 * <li>{@code ume_grpc_method} (env {@code UME_GRPC_METHOD}, default {@code Send}): a method of the
 * {@code cascadence.ume.Ume} service, or {@code package.Service/Method} for a service of the user's own that
 * takes a {@code cascadence.ume.Envelope} (its answer is ignored). Pointer sync reads {@code Subscribe} of the
 * same service.</li>
 * </ul>
 * Connections still open when this component stops alone are closed, so no gRPC or Netty thread outlives the
 * bundle; when the container stops, the UME component closes them after its last delivery.
 */
@Component(service = UmeConnector.class, property = UmeConnector.TRANSPORT + "=grpc")
public class GrpcConnector implements UmeConnector {

    private final Set<GrpcConnection> open = ConcurrentHashMap.newKeySet();

    /**
     * @param settings {@code ume_grpc_stub} and {@code ume_grpc_method}; other keys are ignored
     * @return a connection, connecting or connected
     * @throws IllegalArgumentException when a setting is missing or wrong, naming the key and the value
     */
    @Override
    public UmeConnection open(Map<String, String> settings) {
        GrpcConnection connection = new GrpcConnection(GrpcSettings.of(settings), open::remove);
        open.add(connection);
        return connection;
    }

    @Deactivate
    void deactivate(BundleContext context) {
        Bundle system = context.getBundle(Constants.SYSTEM_BUNDLE_ID);
        if (system != null && system.getState() == Bundle.STOPPING) {
            // The whole container stops, in no set order: the UME component may still deliver a run's last
            // events on these connections, and closes them itself when it stops.
            return;
        }
        closeAll();
    }

    /** Closes every connection still open; their threads are gone when it returns. */
    void closeAll() {
        List.copyOf(open).forEach(GrpcConnection::close);
    }
}
