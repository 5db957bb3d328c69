package io.cascadence.web.impl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import io.cascadence.api.InvalidRequestException;
import io.cascadence.api.Scheduler;
import io.cascadence.api.TaskInfo;
import io.cascadence.api.TaskRegistry;
import io.cascadence.api.WebhookTask;
import io.cascadence.api.config.CascadenceConfig;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code POST /webhook/{source}}: a delivery becomes one run of each webhook task registered for that source
 * (trigger {@code webhook}, input {@code {"source", "event", "payload"}}), submitted through the scheduler and
 * answered as soon as the runs are recorded: 202 {@code {"status":"received","source","event","runs":[{"task",
 * "run_id"}],"skipped":[{"task","reason"}]}}. In order, a delivery is refused (and nothing runs) when its source is
 * not a source name or its configuration is broken (404, 503), its body is too large (413), its signature is
 * missing or wrong while the source has a secret (401), no webhook task handles the source (404), or its body is
 * not JSON (400). A delivery id seen before answers 200 {@code {"status":"duplicate"}}.
 *
 * <p>A task that is paused or disabled, or went away meanwhile, is skipped and listed with the reason. When
 * Cascadence cannot take a run now (429 with a full queue, 503 while stopping or without its backend), the
 * delivery is refused with that status if no run was accepted yet, so that the sender's retry runs everything;
 * once one run is accepted, the others that cannot be taken are listed as skipped ({@link WebhookDispatch}).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cascadence-webhooks")
@HttpWhiteboardServletPattern({"/webhook", "/webhook/*"})
public class WebhookServlet extends RoutedServlet {

    static final String PREFIX = "/webhook";

    private static final long serialVersionUID = 1L;
    private static final Routes ROUTES = Routes.of(Routes.route("{source}", "POST"));
    /** Longest delivery id kept; ids are single lines of printable ASCII. */
    private static final int MAX_DELIVERY_ID = 200;

    @Reference
    private transient TaskRegistry registry;

    @Reference
    private transient Scheduler scheduler;

    @Reference
    private transient CascadenceConfig config;

    @Reference
    private transient WebhookSources sources;

    @Override
    protected Routes routes() {
        return ROUTES;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String source = Paths.below(request).get(0);
        if (!WebhookTask.isSourceName(source)) {
            throw new WebhookException(HttpServletResponse.SC_NOT_FOUND, ErrorDetails.notFound(request.getRequestURI())
                    + ": '" + source + "' is not a webhook source name (" + WebhookTask.SOURCE_NAME_RULE + ")");
        }
        WebhookSourceTable.Lookup lookup = sources.lookup(source);
        if (lookup.refusal() != null) {
            throw new WebhookException(HttpServletResponse.SC_SERVICE_UNAVAILABLE, lookup.refusal());
        }
        WebhookSettings settings = lookup.settings();
        byte[] body = RequestBodies.bytes(request, BodyLimit.of(config));
        if (settings.authenticated()) {
            WebhookSignatures.verify(settings, request.getHeader(settings.signatureHeader()), body);
        }
        List<String> tasks = tasksFor(source);
        if (tasks.isEmpty()) {
            throw new WebhookException(HttpServletResponse.SC_NOT_FOUND, "No webhook task handles source '" + source
                    + "': deploy a plugin with a WebhookTask for it (GET /tasks lists each task's webhook_sources)");
        }
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            throw new InvalidRequestException("the delivery has no body; a webhook delivery is a JSON document");
        }
        Object payload = RequestBodies.parse(body);
        String event = WebhookEvents.of(settings, request::getHeader, payload);
        String delivery = deliveryId(request, settings);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "received");
        answer.put("source", source);
        answer.put("event", event);
        if (delivery != null) {
            answer.put("delivery", delivery);
            if (!sources.claim(source, delivery)) {
                answer.put("status", "duplicate");
                Json.write(response, HttpServletResponse.SC_OK, answer);
                return;
            }
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put(WebhookTask.SOURCE, source);
        input.put(WebhookTask.EVENT, event);
        input.put(WebhookTask.PAYLOAD, payload);
        try {
            WebhookDispatch.submit(scheduler, tasks, input, answer);
        } catch (RuntimeException e) {
            if (delivery != null) {
                sources.release(source, delivery); // refused: the sender's retry is not a duplicate
            }
            throw e;
        }
        if (delivery != null) {
            sources.commit(source, delivery);
        }
        Json.write(response, HttpServletResponse.SC_ACCEPTED, answer);
    }

    private List<String> tasksFor(String source) {
        return registry.tasks().stream().filter(t -> t.webhookSources().contains(source)).map(TaskInfo::name)
                .sorted().toList();
    }

    /** The delivery id, if the source has a delivery header and the delivery carries it. */
    private static String deliveryId(HttpServletRequest request, WebhookSettings settings) {
        if (settings.deliveryHeader().isEmpty()) {
            return null;
        }
        String value = request.getHeader(settings.deliveryHeader());
        if (value == null || value.isBlank()) {
            return null;
        }
        String id = value.strip();
        if (id.length() > MAX_DELIVERY_ID || !id.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidRequestException(settings.deliveryHeader() + " is not a delivery id: expected 1 to "
                    + MAX_DELIVERY_ID + " printable ASCII characters without spaces");
        }
        return id;
    }
}
