package io.cascadence.web.impl;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.cascadence.api.WebhookTask;

/**
 * How deliveries to one webhook source are checked and read: the secret their HMAC-SHA256 signature is made with
 * (none: the source is unauthenticated), the header that carries the signature and the text before its hex digits,
 * the header naming the event type and the header carrying the delivery id (none: deliveries are not
 * de-duplicated). The headers default per source, to what GitHub and Cal.com send.
 *
 * @param source the source name, as in {@code /webhook/{source}}
 * @param secret the secret's UTF-8 bytes; empty when none is configured
 * @param signatureHeader the header holding the signature
 * @param signaturePrefix what comes before the signature's hex digits ({@code sha256=} for GitHub, nothing for
 *        Cal.com)
 * @param eventHeader the header naming the event type; empty for none
 * @param deliveryHeader the header holding the delivery id; empty for none
 * @param origin where the settings come from, for messages: a configuration file or PID, or {@code defaults}
 */
record WebhookSettings(String source, byte[] secret, String signatureHeader, String signaturePrefix,
        String eventHeader, String deliveryHeader, String origin) {

    /** The factory PID of the webhook source configurations: {@code config/io.cascadence.webhook-<name>.cfg}. */
    static final String FACTORY_PID = "io.cascadence.webhook";

    static final String SOURCE = "source";
    static final String SECRET = "secret";
    static final String SIGNATURE_HEADER = "signature_header";
    static final String SIGNATURE_PREFIX = "signature_prefix";
    static final String EVENT_HEADER = "event_header";
    static final String DELIVERY_HEADER = "delivery_header";

    static final String GITHUB = "github";
    static final String CALCOM = "calcom";

    WebhookSettings {
        secret = secret == null ? new byte[0] : secret.clone();
    }

    /** Whether deliveries must carry a valid signature. */
    boolean authenticated() {
        return secret.length > 0;
    }

    /** The settings of a source without a configuration: no secret, the source's default headers. */
    static WebhookSettings defaults(String source) {
        return new WebhookSettings(source, new byte[0], defaultSignatureHeader(source), defaultSignaturePrefix(source),
                defaultEventHeader(source), defaultDeliveryHeader(source), "defaults");
    }

    /**
     * The settings a factory configuration gives; keys it does not set take the source's defaults.
     *
     * @param properties the configuration's properties
     * @param origin its file or PID, for messages
     * @throws IllegalArgumentException naming the key that is missing or wrong and what is accepted
     */
    static WebhookSettings of(Map<String, ?> properties, String origin) {
        String source = text(properties, SOURCE, null);
        if (source == null || source.isEmpty()) {
            throw new IllegalArgumentException("it has no 'source': set source=<name> (such as github or calcom)");
        }
        if (!WebhookTask.isSourceName(source)) {
            throw new IllegalArgumentException("its source '" + source + "' is not a webhook source name ("
                    + WebhookTask.SOURCE_NAME_RULE + ")");
        }
        String secret = text(properties, SECRET, "");
        String signatureHeader = header(properties, SIGNATURE_HEADER, defaultSignatureHeader(source), false);
        String signaturePrefix = text(properties, SIGNATURE_PREFIX, defaultSignaturePrefix(source));
        String eventHeader = header(properties, EVENT_HEADER, defaultEventHeader(source), true);
        String deliveryHeader = header(properties, DELIVERY_HEADER, defaultDeliveryHeader(source), true);
        return new WebhookSettings(source, secret.getBytes(StandardCharsets.UTF_8), signatureHeader,
                signaturePrefix, eventHeader, deliveryHeader, origin);
    }

    static String defaultSignatureHeader(String source) {
        return switch (source) {
            case GITHUB -> "X-Hub-Signature-256";
            case CALCOM -> "X-Cal-Signature-256";
            default -> "X-Signature-256";
        };
    }

    static String defaultSignaturePrefix(String source) {
        return CALCOM.equals(source) ? "" : "sha256=";
    }

    static String defaultEventHeader(String source) {
        return switch (source) {
            case GITHUB -> "X-GitHub-Event";
            case CALCOM -> "Cal-Event-Type";
            default -> "X-Event-Type";
        };
    }

    static String defaultDeliveryHeader(String source) {
        return GITHUB.equals(source) ? "X-GitHub-Delivery" : "";
    }

    /** A value as text, stripped; {@code fallback} when the key is absent. */
    private static String text(Map<String, ?> properties, String key, String fallback) {
        Object value = properties.get(key);
        return value == null ? fallback : value.toString().strip();
    }

    private static String header(Map<String, ?> properties, String key, String fallback, boolean mayBeEmpty) {
        String value = text(properties, key, fallback);
        if (value.isEmpty() ? !mayBeEmpty : !value.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
            throw new IllegalArgumentException("its " + key + " '" + value + "' is not an HTTP header name"
                    + (mayBeEmpty ? " (or empty for none)" : ""));
        }
        return value;
    }
}
