package io.cascadence.web.impl;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.felix.http.jetty.ConnectorFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.health.HealthContributor;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The webhook listener: a second HTTP port that serves {@code POST /webhook/{source}} and nothing else, so that
 * webhook senders can reach Cascadence without the REST API being exposed to them. Its address is
 * {@code webhook_host}:{@code webhook_port} of the web configuration ({@code bin/task webhook} sets both for its
 * process, as the core's command-line layer of the configuration). Felix HTTP opens
 * extra connectors through {@link ConnectorFactory} services, so one is registered while a listener is wanted and
 * replaced when its address changes; as a filter in front of every servlet this component answers every other path
 * that arrives on that port with the 404 an unknown path gets. Whether the port could be opened is a {@code /health}
 * warning.
 */
// Ranked before ApiGuardFilter (100), which must know that a request came in on this port.
@Component(service = {Filter.class, HealthContributor.class}, configurationPid = WebConfiguration.PID,
        property = "service.ranking:Integer=200")
@HttpWhiteboardFilterName("cascadence-webhook-listener")
@HttpWhiteboardFilterPattern("/*")
public class WebhookListener implements Filter, HealthContributor {

    static final String HTTP_PORT_PROPERTY = "org.osgi.service.http.port";
    /**
     * The request attribute set on a delivery that came in on the listener's port: the senders there name this
     * machine by whatever public name they know it under, so {@link ApiGuardFilter} does not hold their
     * {@code Host} to {@code allowed_hosts}.
     */
    static final String ON_LISTENER = "cascadence.webhook.on-listener";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookListener.class);

    /** Where the listener is to be, and the connector Felix asked for, once it has. */
    private record Listener(String host, int port, ServiceRegistration<ConnectorFactory> registration,
            WebhookConnectorFactory factory) {
    }

    private BundleContext context;
    private volatile Listener listener;
    private volatile String problem;

    @Activate
    void activate(BundleContext bundleContext, WebConfiguration configuration) {
        this.context = bundleContext;
        configure(configuration);
    }

    @Modified
    synchronized void configure(WebConfiguration configuration) {
        String host = configuration.webhook__host().strip();
        int port = configuration.webhook__port();
        Listener now = listener;
        if (now != null && now.host().equals(host) && now.port() == port) {
            return;
        }
        close();
        problem = null;
        if (port == 0) {
            return;
        }
        String httpPort = context.getProperty(HTTP_PORT_PROPERTY);
        if (httpPort != null && httpPort.strip().equals(Integer.toString(port))) {
            problem = "webhook_port " + port + " is the HTTP port; the webhook listener needs a port of its own";
            LOG.warn("{}", problem);
            return;
        }
        WebhookConnectorFactory factory = new WebhookConnectorFactory(host.isEmpty() ? "0.0.0.0" : host, port);
        listener = new Listener(host, port, context.registerService(ConnectorFactory.class, factory, null), factory);
        LOG.info("Webhook listener requested on {}:{} (POST /webhook/{source} only)", factory.host, port);
    }

    @Deactivate
    synchronized void close() {
        Listener old = listener;
        listener = null;
        if (old != null) {
            try {
                old.registration().unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
        }
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        Listener now = listener;
        HttpServletRequest request = (HttpServletRequest) req;
        if (now != null && request.getLocalPort() == now.port()) {
            if (!isWebhookPath(request.getRequestURI())) {
                Json.error((HttpServletResponse) res, HttpServletResponse.SC_NOT_FOUND,
                        ErrorDetails.notFound(request.getRequestURI()));
                return;
            }
            request.setAttribute(ON_LISTENER, Boolean.TRUE);
        }
        chain.doFilter(req, res);
    }

    static boolean isWebhookPath(String uri) {
        return uri != null && (uri.equals(WebhookServlet.PREFIX) || uri.startsWith(WebhookServlet.PREFIX + "/"));
    }

    @Override
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (problem != null) {
            warnings.add(problem);
        }
        Listener now = listener;
        if (now != null && now.factory().failure != null) {
            warnings.add("the webhook listener on " + now.factory().host + ":" + now.port() + " could not be "
                    + "opened: " + now.factory().failure + "; set webhook_port to a free port");
        }
        return warnings;
    }

    /** Makes the listener's connector: the same HTTP settings as the main one (header limits, no Server header). */
    static final class WebhookConnectorFactory implements ConnectorFactory {

        final String host;
        final int port;
        volatile String failure;

        WebhookConnectorFactory(String host, int port) {
            this.host = host;
            this.port = port;
        }

        @Override
        public Connector createConnector(Server server) {
            HttpConfiguration http = new HttpConfiguration();
            for (Connector connector : server.getConnectors()) {
                HttpConnectionFactory main = connector.getConnectionFactory(HttpConnectionFactory.class);
                if (connector.getClass() == ServerConnector.class && main != null) {
                    http = new HttpConfiguration(main.getHttpConfiguration());
                    break;
                }
            }
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http)) {
                @Override
                protected void doStart() throws Exception {
                    try {
                        super.doStart();
                        failure = null;
                        WebhookListener.LOG.info("Webhook listener on {}:{}", host, port);
                    } catch (Exception e) {
                        failure = e.getMessage() == null ? e.toString() : e.getMessage();
                        throw e;
                    }
                }
            };
            connector.setName("cascadence-webhooks");
            connector.setHost(host);
            connector.setPort(port);
            return connector;
        }
    }
}
