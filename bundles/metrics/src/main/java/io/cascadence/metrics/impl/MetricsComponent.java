package io.cascadence.metrics.impl;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.osgi.framework.BundleContext;
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

import io.cascadence.api.event.CascadenceEvent;
import io.cascadence.api.event.EventListener;
import io.cascadence.api.health.EventDrops;
import io.cascadence.api.health.HealthContributor;
import io.cascadence.api.health.RunLoad;
import io.cascadence.api.health.TransportStates;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.hotspot.BufferPoolsExports;
import io.prometheus.client.hotspot.ClassLoadingExports;
import io.prometheus.client.hotspot.GarbageCollectorExports;
import io.prometheus.client.hotspot.MemoryPoolsExports;
import io.prometheus.client.hotspot.StandardExports;
import io.prometheus.client.hotspot.ThreadExports;
import io.prometheus.client.hotspot.VersionInfoExports;

/**
 * The metrics: a registry of its own, fed by the event bus as an {@link EventListener} (on the listener thread
 * the bus gives it, so a run never waits for a metric), read by the servlet and the second port. Serves the second
 * port ({@code metrics_port}, applied live) on the HTTP port's address; a port it cannot bind is logged and listed
 * on {@code /health} until it is changed, and {@code /metrics} on the HTTP port goes on.
 */
@Component(service = {EventListener.class, HealthContributor.class, Exposition.class}, immediate = true,
        configurationPid = MetricsConfiguration.PID)
@Designate(ocd = MetricsConfiguration.class)
public class MetricsComponent implements EventListener, HealthContributor, Exposition {

    /** The framework property Felix HTTP binds to, set by the launcher from {@code CASCADENCE_HTTP_HOST}. */
    static final String HTTP_HOST_PROPERTY = "org.apache.felix.http.host";

    private static final Logger LOG = LoggerFactory.getLogger(MetricsComponent.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RunLoad load;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventDrops drops;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TransportStates transports;

    private final CollectorRegistry registry = new CollectorRegistry();
    private final RunMetrics runs = new RunMetrics();
    private String host;
    /** The port served now; -1 before the first configuration, so that it is always applied and logged. */
    private int port = -1;
    private MetricsPort server;
    private volatile String problem;

    @Activate
    void activate(BundleContext context, MetricsConfiguration configuration) {
        String configured = context.getProperty(HTTP_HOST_PROPERTY);
        start(configured == null || configured.isBlank() ? "127.0.0.1" : configured.strip(), configuration);
    }

    void start(String httpHost, MetricsConfiguration configuration) {
        host = httpHost;
        runs.register(registry);
        registry.register(new LoadCollector(() -> load, () -> drops, () -> transports));
        registerJvm(registry);
        configure(configuration);
    }

    @Modified
    synchronized void configure(MetricsConfiguration configuration) {
        int wanted = configuration.metrics__port();
        if (wanted == port && (server != null || wanted == 0)) {
            return;
        }
        closePort();
        port = wanted;
        if (wanted == 0) {
            LOG.info("Metrics at /metrics on the HTTP port (metrics_port = 0: no second port)");
            return;
        }
        try {
            server = MetricsPort.open(host, wanted, this);
            LOG.info("Metrics at /metrics on the HTTP port and at http://{}:{}/metrics (metrics_port)", host,
                    wanted);
        } catch (IOException | RuntimeException e) {
            problem = "metrics_port " + wanted + ": cannot serve /metrics on " + host + ":" + wanted + " ("
                    + e.getMessage() + "); /metrics is still on the HTTP port. Set metrics_port (config/"
                    + MetricsConfiguration.PID + ".cfg, CASCADENCE_METRICS_PORT or --metrics-port) to a free port";
            LOG.warn("{}", problem);
        }
    }

    @Deactivate
    synchronized void deactivate() {
        closePort();
    }

    @Override
    public void onEvent(CascadenceEvent event) {
        runs.accept(event);
    }

    @Override
    public List<String> warnings() {
        String now = problem;
        return now == null ? List.of() : List.of(now);
    }

    @Override
    public void write(Writer out) throws IOException {
        MetricsText.write(registry, out);
    }

    private void closePort() {
        problem = null;
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /**
     * The JVM's metrics ({@code process_*}, {@code jvm_*}). Not the client's allocation metrics: they add
     * listeners to the JVM's garbage collectors that nothing removes, which a bundle that can be replaced must
     * not leave behind.
     */
    private static void registerJvm(CollectorRegistry registry) {
        new StandardExports().register(registry);
        new MemoryPoolsExports().register(registry);
        new BufferPoolsExports().register(registry);
        new GarbageCollectorExports().register(registry);
        new ThreadExports().register(registry);
        new ClassLoadingExports().register(registry);
        new VersionInfoExports().register(registry);
    }
}
