package io.cascadence.ume.impl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.protobuf.Message;

import io.cascadence.api.PointerStore;
import io.cascadence.api.event.CascadenceEvent;
import io.cascadence.api.event.EventBus;
import io.cascadence.api.event.EventListener;
import io.cascadence.api.health.HealthContributor;
import io.cascadence.api.health.TransportState;
import io.cascadence.api.health.TransportStates;
import io.cascadence.ume.spi.UmeConnection;
import io.cascadence.ume.spi.UmeConnector;
import io.cascadence.ume.spi.UmeMessage;

/**
 * Carries every event of the bus to the transport {@code ume_transport} names, through the bounded
 * {@link Outbox}, and runs pointer sync on the same connection when {@code ume_pointer_sync} is on. The transport
 * itself comes from a {@link UmeConnector} service of a transport bundle. A configuration edit applies at once:
 * the old connection is given a second to deliver what waits, then the new one takes over the same outbox, so a
 * switch from NATS to gRPC loses nothing that fits the buffer.
 */
@Component(service = {EventListener.class, HealthContributor.class, TransportStates.class}, immediate = true,
        configurationPid = TransportConfiguration.PID)
@Designate(ocd = TransportConfiguration.class)
public class UmeComponent implements EventListener, HealthContributor, TransportStates {

    private static final Logger LOG = LoggerFactory.getLogger(UmeComponent.class);
    /** How long stopping the container keeps delivering what waits, in milliseconds. */
    static final long STOP_FLUSH_MS = 3_000;
    /** How long a transport switch or reconnect gives the old connection, in milliseconds. */
    static final long SWITCH_FLUSH_MS = 1_000;

    private final Map<String, UmeConnector> connectors = new ConcurrentHashMap<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();
    private final Outbox outbox = new Outbox(10_000);
    private volatile String origin = UUID.randomUUID().toString();
    private volatile BundleContext context;
    private volatile TransportConfiguration config;
    private volatile String transport = "";
    private volatile UmeConnection connection;
    private volatile Courier courier;
    private volatile AutoCloseable subscription;
    private volatile String pointerSync = "off";
    private volatile String problem;
    private volatile boolean active;
    /** The counts when the current transport was chosen: each transport's figures start from 0. */
    private volatile long deliveredBefore;
    private volatile long droppedBefore;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PointerStore pointers;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventBus bus;

    @Activate
    synchronized void activate(BundleContext context, TransportConfiguration configuration) {
        this.context = context;
        String uuid = context.getProperty(Constants.FRAMEWORK_UUID);
        if (uuid != null && !uuid.isBlank()) {
            origin = uuid;
        }
        active = true;
        apply(configuration);
    }

    @Modified
    synchronized void modified(TransportConfiguration configuration) {
        apply(configuration);
    }

    @Deactivate
    synchronized void deactivate() {
        active = false;
        boolean sending = courier != null;
        disconnect(STOP_FLUSH_MS, "and are lost as the container stops");
        int left = outbox.size();
        if (left > 0 && !sending) {
            LOG.warn("UME: {} events that wait for the {} transport are lost as the container stops", left,
                    transport);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void addConnector(UmeConnector connector, Map<String, Object> properties) {
        String name = String.valueOf(properties.get(UmeConnector.TRANSPORT));
        connectors.put(name, connector);
        if (active && name.equals(transport) && connection == null) {
            connect();
        }
    }

    synchronized void removeConnector(UmeConnector connector, Map<String, Object> properties) {
        String name = String.valueOf(properties.get(UmeConnector.TRANSPORT));
        if (connectors.remove(name, connector) && name.equals(transport)) {
            if (containerStopping()) {
                // SCR stops the components of a stopping container in no set order, and the bus may still hand
                // this component a run's last events after the transport's component has gone: the connection
                // stays (its classes stay loaded until the framework has stopped) and deactivate's flush
                // delivers them, then closes it.
                return;
            }
            // Its bundle alone stops: this is the last chance to deliver what waits.
            disconnect(STOP_FLUSH_MS, "until the " + name + " transport is back");
            problem = null;
        }
    }

    /** Whether the whole container is stopping, rather than one bundle. */
    private boolean containerStopping() {
        BundleContext bundles = context;
        Bundle system = bundles == null ? null : bundles.getBundle(Constants.SYSTEM_BUNDLE_ID);
        return system != null && system.getState() == Bundle.STOPPING;
    }

    @Override
    public void onEvent(CascadenceEvent event) {
        if (transport.isEmpty()) {
            return;
        }
        Message message = EventCodec.encode(event).orElse(null);
        if (message == null) {
            return;
        }
        outbox.add(new UmeMessage(message.getDescriptorForType().getFullName(), message.toByteArray(),
                UUID.randomUUID().toString(), origin, "", System.currentTimeMillis(), sequence.incrementAndGet()));
    }

    @Override
    public List<TransportState> transports() {
        String name = transport;
        if (name.isEmpty()) {
            return List.of();
        }
        UmeConnection current = connection;
        Courier sender = courier;
        String state;
        String target;
        String error;
        if (problem != null) {
            state = "misconfigured";
            target = "";
            error = problem;
        } else if (current == null) {
            state = "unavailable";
            target = "";
            error = "the " + name + " transport bundle is not active";
        } else {
            state = current.connected() && (sender == null || !sender.failing()) ? "connected" : "disconnected";
            target = current.target();
            error = sender == null ? null : sender.lastError();
        }
        return List.of(new TransportState(name, state, target, outbox.size(), outbox.capacity(),
                delivered.get() - deliveredBefore, outbox.dropped() - droppedBefore, error, pointerSync));
    }

    @Override
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        for (TransportState state : transports()) {
            if (!state.state().equals("connected")) {
                warnings.add("UME transport " + state.transport() + " is " + state.state()
                        + (state.lastError() == null ? "" : ": " + state.lastError()) + "; " + state.backlog()
                        + " events wait (at most " + state.capacity() + ")");
            }
            if (state.pointerSync().startsWith("failed")) {
                warnings.add("UME pointer sync over " + state.transport() + " " + state.pointerSync());
            }
            if (state.dropped() > 0) {
                warnings.add("UME transport " + state.transport() + " dropped " + state.dropped()
                        + " events since it was chosen, the oldest first, because its buffer (ume_buffer) was "
                        + "full; /metrics counts them in cascadence_ume_dropped_total");
            }
        }
        return warnings;
    }

    private void apply(TransportConfiguration configuration) {
        TransportConfiguration previous = config;
        config = configuration;
        if (outbox.capacity() != configuration.ume__buffer()) {
            outbox.resize(Math.max(1, configuration.ume__buffer()));
        }
        String name = configuration.ume__transport() == null ? "" : configuration.ume__transport().strip();
        if (previous != null && name.equals(transport) && settings(previous).equals(settings(configuration))
                && connection != null) {
            if (previous.ume__pointer__sync() != configuration.ume__pointer__sync()
                    || previous.ume__broadcast__pointers() != configuration.ume__broadcast__pointers()) {
                unsubscribe();
                subscribe(connection, configuration);
            }
            return;
        }
        disconnect(SWITCH_FLUSH_MS, "for the next transport");
        if (!name.equals(transport)) {
            deliveredBefore = delivered.get();
            droppedBefore = outbox.dropped();
        }
        transport = name;
        problem = null;
        if (name.isEmpty()) {
            LOG.info("UME transport: none (events stay in this process)");
            return;
        }
        // The core checks the name (nats or grpc); a name no bundle provides waits as "unavailable".
        if (connectors.containsKey(name)) {
            connect();
        } else {
            LOG.info("UME transport {} waits for its bundle; events wait in the buffer meanwhile", name);
        }
    }

    private void connect() {
        TransportConfiguration configuration = config;
        UmeConnector connector = connectors.get(transport);
        try {
            UmeConnection opened = connector.open(settings(configuration));
            connection = opened;
            problem = null;
            Courier sender = new Courier(transport, outbox, opened, delivered);
            courier = sender;
            sender.start();
            LOG.info("UME events go to {} over {}", opened.target(), transport);
            subscribe(opened, configuration);
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
            LOG.error("UME transport {} is misconfigured: {}", transport, e.getMessage());
        }
    }

    /** Starts pointer sync on the connection when the configuration asks for it. */
    private void subscribe(UmeConnection opened, TransportConfiguration configuration) {
        if (!configuration.ume__pointer__sync()) {
            return;
        }
        boolean broadcast = configuration.ume__broadcast__pointers();
        try {
            subscription = opened.subscribe(new PointerSync(origin, () -> pointers, () -> bus, outbox::add,
                    broadcast));
            pointerSync = broadcast ? "broadcast" : "on";
            LOG.info("Pointer sync is on over {}{}", opened.target(),
                    broadcast ? ", re-broadcasting what it receives once" : "");
        } catch (Exception e) {
            pointerSync = "failed: " + e.getMessage();
            LOG.error("UME: pointer sync could not subscribe on {}: {}", opened.target(), e.getMessage());
        }
    }

    private void unsubscribe() {
        pointerSync = "off";
        AutoCloseable sub = subscription;
        subscription = null;
        if (sub != null) {
            try {
                sub.close();
            } catch (Exception e) {
                LOG.debug("Closing the pointer sync subscription failed", e);
            }
        }
    }

    /** @param then what becomes of the events that could not be delivered, for the log */
    private void disconnect(long flushMillis, String then) {
        unsubscribe();
        Courier sender = courier;
        courier = null;
        UmeConnection open = connection;
        connection = null;
        if (sender != null) {
            int waiting = outbox.size();
            if (waiting > 0) {
                LOG.info("UME: delivering the {} events that wait to {} (for up to {} ms)", waiting,
                        open.target(), flushMillis);
            }
            sender.stop(flushMillis);
            int left = outbox.size();
            if (left > 0) {
                LOG.warn("UME: {} events could not be delivered to {}; they wait {}", left, open.target(), then);
            }
        }
        if (open != null) {
            open.close();
        }
    }

    private static Map<String, String> settings(TransportConfiguration configuration) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("ume_nats_conn", configuration.ume__nats__conn());
        settings.put("ume_nats_subject", configuration.ume__nats__subject());
        settings.put("ume_nats_stream", configuration.ume__nats__stream());
        settings.put("ume_grpc_stub", configuration.ume__grpc__stub());
        settings.put("ume_grpc_method", configuration.ume__grpc__method());
        settings.replaceAll((key, value) -> value == null ? "" : value.strip());
        return settings;
    }
}
