package io.cascadence.web.impl;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The event type of a delivery: the source's event header ({@code X-GitHub-Event} for GitHub,
 * {@code Cal-Event-Type} for Cal.com, as the original read them, {@code X-Event-Type} or the configured
 * {@code event_header} for others). Cal.com really sends no such header but names the event in the body's
 * {@code triggerEvent} ({@code BOOKING_CREATED}), which is taken when the header is absent. Empty when neither
 * says, as the original's default.
 */
final class WebhookEvents {

    static final String CALCOM_TRIGGER_EVENT = "triggerEvent";

    private WebhookEvents() {
    }

    /**
     * @param settings the source's settings
     * @param headers a request's header by name, {@code null} when absent
     * @param payload the delivery's JSON body
     */
    static String of(WebhookSettings settings, UnaryOperator<String> headers, Object payload) {
        String header = settings.eventHeader().isEmpty() ? null : headers.apply(settings.eventHeader());
        if (header != null && !header.isBlank()) {
            return header.strip();
        }
        if (WebhookSettings.CALCOM.equals(settings.source()) && payload instanceof Map<?, ?> body
                && body.get(CALCOM_TRIGGER_EVENT) instanceof String trigger) {
            return trigger.strip();
        }
        return "";
    }
}
