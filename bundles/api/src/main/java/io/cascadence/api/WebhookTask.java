package io.cascadence.api;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/** A task that handles webhook deliveries ({@code /webhook/{source}}). */
@ConsumerType
public interface WebhookTask extends Task {

    /**
     * Handles one delivery.
     *
     * @param source where it came from, such as {@code github} or {@code calcom}
     * @param eventType the source's event type, such as GitHub's {@code issues}
     * @param payload the delivery's JSON body
     */
    void handleEvent(String source, String eventType, Map<String, Object> payload) throws Exception;
}
