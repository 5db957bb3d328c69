package io.cascadence.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Marks a task that handles webhook deliveries ({@code /webhook/{source}}). A delivery is not a call into the
 * task but a run like any other, with trigger {@link Trigger#WEBHOOK} and, as its {@link RunContext#input()}, a
 * map of {@code source} (such as {@code github}), {@code event} (the source's event type, such as GitHub's
 * {@code issues}) and {@code payload} (the delivery's JSON body). Its intake stage is the natural place to read
 * it; its record and events are those of every run.
 *
 * <p>Which sources a task handles is its {@link TaskProperties#WEBHOOK_SOURCE} service property (most simply set
 * with {@link WebhookSource}); a delivery for a source runs the webhook tasks registered for that source only.
 */
@ConsumerType
public interface WebhookTask extends Task {

    /** The input key holding the delivery's source. */
    String SOURCE = "source";
    /** The input key holding the source's event type. */
    String EVENT = "event";
    /** The input key holding the delivery's JSON body. */
    String PAYLOAD = "payload";

    /** What a source name may be, in words for error messages. */
    String SOURCE_NAME_RULE = "lowercase letters, digits, '-' and '_', starting with a letter or digit, at most 64";

    /**
     * Whether a text is a valid source name: the last path segment of {@code /webhook/{source}} and the value of
     * {@link TaskProperties#WEBHOOK_SOURCE}. See {@link #SOURCE_NAME_RULE}.
     *
     * @param source the text, may be {@code null}
     * @return {@code true} when it is one
     */
    static boolean isSourceName(String source) {
        if (source == null || source.isEmpty() || source.length() > 64) {
            return false;
        }
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!alnum && (i == 0 || (c != '-' && c != '_'))) {
                return false;
            }
        }
        return true;
    }
}
