package io.cascadence.web.impl;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletAsyncSupported;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.Identity;
import io.cascadence.api.config.CascadenceConfig;
import io.cascadence.api.event.CascadenceEvent;
import io.cascadence.api.event.EventListener;
import io.cascadence.api.event.IdeaSeed;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /events[?types=stage,run]}: every event of the bus as server-sent events, as it happens. A listener
 * of the bus (on the thread the bus gives it, so a run never waits for a client) hands each event to
 * {@link EventStreams}, which queues it for each client; a client that falls behind loses what waits for it and is
 * told so ({@code lagged}). Who sees which events is {@link EventFilter}; what each says is {@link EventJson}.
 * The limits are constants rather than configuration: they protect the container, and no client needs them
 * changed.
 */
@Component(service = {Servlet.class, EventListener.class})
@HttpWhiteboardServletName("cascadence-events")
@HttpWhiteboardServletPattern("/events")
@HttpWhiteboardServletAsyncSupported
public class EventsServlet extends RoutedServlet implements EventListener {

    /** Streams open at once; each holds a thread and a queue. */
    static final int MAX_CLIENTS = 64;
    /** Messages one client's queue holds before it is cleared and the client told it lagged. */
    static final int QUEUE_CAPACITY = 10_000;
    /** A comment is sent after this long without a message, in milliseconds. */
    static final long KEEP_ALIVE_MS = TimeUnit.SECONDS.toMillis(15);
    static final String CONTENT_TYPE = "text/event-stream";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(EventsServlet.class);
    private static final Routes ROUTES = Routes.of(Routes.route("", "GET"));

    @Reference
    private transient CascadenceConfig config;

    private transient EventStreams streams;

    @Activate
    void activate() {
        streams = new EventStreams(MAX_CLIENTS);
        // Loaded now, so that the first event is not slowed by loading the JSON writer's classes.
        Json.warmUp(EventJson.describe(new IdeaSeed("", null, null, Clock.systemUTC().instant())));
    }

    /** Ends every stream (each request completes) and waits for their threads. */
    @Deactivate
    void deactivate() {
        streams.close();
    }

    @Override
    protected Routes routes() {
        return ROUTES;
    }

    @Override
    public void onEvent(CascadenceEvent event) {
        streams.publish(event);
    }

    /** What {@code GET} would answer, without the stream, which never ends. */
    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) {
        EventFilter.types(request.getParameterValues(EventFilter.TYPES_PARAMETER));
        headers(response);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        EventFilter filter = new EventFilter(EventFilter.types(request.getParameterValues(
                EventFilter.TYPES_PARAMETER)), caller(request));
        EventClient client = new EventClient(filter, QUEUE_CAPACITY, KEEP_ALIVE_MS, Clock.systemUTC());
        if (!streams.join(client)) {
            response.setHeader("Retry-After", "5");
            Json.error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "GET /events serves at most "
                    + streams.maxClients() + " clients at once, and that many are connected; try again later");
            return;
        }
        AsyncContext async;
        ServletOutputStream out;
        try {
            headers(response);
            out = response.getOutputStream();
            async = request.startAsync();
        } catch (IOException | RuntimeException e) {
            streams.leave(client);
            throw e;
        }
        async.setTimeout(0); // the stream ends when the client goes or the component stops
        async.addListener(new Ending(client));
        streams.start(client, () -> client.stream(out, response::flushBuffer), () -> complete(async));
    }

    private static void headers(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(CONTENT_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no"); // a proxy in front must not hold events back
    }

    /** The hash of the user a bound token names, or {@code null} for every user's events. */
    private String caller(HttpServletRequest request) {
        Identity bound = BoundIdentityRequest.of(request);
        return bound == null ? null : Identity.hash(config.hashSecret(), bound.userId());
    }

    private static void complete(AsyncContext async) {
        try {
            async.complete();
        } catch (IllegalStateException e) {
            LOG.debug("An event stream was already complete: {}", e.toString());
        }
    }

    /** The container ended the request (the client went away): the stream's thread stops at its next step. */
    private record Ending(EventClient client) implements AsyncListener {

        @Override
        public void onComplete(AsyncEvent event) {
            client.close();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            client.close();
        }

        @Override
        public void onError(AsyncEvent event) {
            client.close();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }
}
