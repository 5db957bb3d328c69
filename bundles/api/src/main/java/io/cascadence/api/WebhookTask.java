package io.cascadence.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Marks a task that handles webhook deliveries ({@code /webhook/{source}}). A delivery is not a call into the
 * task but a run like any other, with trigger {@link Trigger#WEBHOOK} and, as its {@link RunContext#input()}, a
 * map of {@code source} (such as {@code github}), {@code event} (the source's event type, such as GitHub's
 * {@code issues}) and {@code payload} (the delivery's JSON body). Its intake stage is the natural place to read
 * it; its record and events are those of every run.
 */
@ConsumerType
public interface WebhookTask extends Task {

    /** The input key holding the delivery's source. */
    String SOURCE = "source";
    /** The input key holding the source's event type. */
    String EVENT = "event";
    /** The input key holding the delivery's JSON body. */
    String PAYLOAD = "payload";
}
