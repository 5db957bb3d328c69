package io.cascadence.web.impl;

import org.apache.felix.http.jetty.ConnectorFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts {@link JsonErrorHandler} on Felix HTTP's Jetty server. Felix HTTP has no setting or service for Jetty's
 * error handler (only {@code org.apache.felix.http.jetty.errorPageCustomHeaders}, which adds headers to Jetty's
 * HTML page), and what Jetty refuses before any servlet never reaches a whiteboard error page or filter. Its one
 * hook that is handed the {@link Server} is the {@link ConnectorFactory} service: Felix calls it whenever Jetty
 * starts, or at once if Jetty runs already, and adds the connector it returns. The connector returned here
 * opens no socket; it is there because Felix needs one, and it takes the handler away again when Felix removes it
 * (this bundle stops, or Jetty restarts with a new server).
 */
@Component(name = JettyErrorHandlerInstaller.NAME, service = ConnectorFactory.class)
public class JettyErrorHandlerInstaller implements ConnectorFactory {

    static final String NAME = "io.cascadence.web.jetty-error-handler";

    private static final Logger LOG = LoggerFactory.getLogger(JettyErrorHandlerInstaller.class);

    @Override
    public Connector createConnector(Server server) {
        HandlerConnector connector = new HandlerConnector(server, server.getErrorHandler());
        server.setErrorHandler(connector.handler);
        LOG.debug("Jetty answers the requests it refuses with JSON");
        return connector;
    }

    /**
     * A connector that accepts nothing: it starts no thread and binds no port. It is a {@link ServerConnector}
     * because Felix lists its connectors' host and port as the HTTP runtime's endpoints and expects that type, so
     * it mirrors the real connector's.
     */
    static final class HandlerConnector extends ServerConnector {

        private final Server server;
        private final Request.Handler previous;
        private final JsonErrorHandler handler = new JsonErrorHandler();

        HandlerConnector(Server server, Request.Handler previous) {
            super(server, 0, 1);
            this.server = server;
            this.previous = previous;
            for (Connector connector : server.getConnectors()) {
                if (connector instanceof NetworkConnector network) {
                    setHost(network.getHost());
                    setPort(network.getPort());
                    break;
                }
            }
        }

        @Override
        protected void doStart() {
            // Nothing to open: this connector only carries the error handler.
        }

        @Override
        protected void doStop() {
            if (server.getErrorHandler() == handler) {
                server.setErrorHandler(previous);
            }
        }
    }
}
