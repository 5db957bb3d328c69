package io.cascadence.web.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One webhook source's settings: a factory configuration of PID {@value WebhookSettings#FACTORY_PID}, one per
 * source, such as {@code config/io.cascadence.webhook-github.cfg}. Keys left out take the source's defaults
 * ({@link WebhookSettings}), which is why none is declared with a default here; {@link WebhookSourceComponent}
 * reads the raw properties. Method names use {@code __}, which Declarative Services and metatype turn into one
 * {@code _}, so that the keys are {@code signature_header} and so on. These configurations reach the web bundle as FileInstall reads them: the core's
 * catalogue of keys covers the container's PIDs, not factory configurations.
 */
@ObjectClassDefinition(id = WebhookSettings.FACTORY_PID, name = "Cascadence webhook source",
        description = "How deliveries to POST /webhook/{source} are verified and read")
@interface WebhookSourceConfiguration {

    @AttributeDefinition(description = "The source name, as in /webhook/{source}: github, calcom, or your own "
            + "(lowercase letters, digits, '-' and '_')")
    String source();

    @AttributeDefinition(type = AttributeType.PASSWORD, required = false,
            description = "The secret the sender signs deliveries with (HMAC-SHA256 of the body); empty: "
                    + "deliveries are not verified")
    String secret();

    @AttributeDefinition(required = false, description = "Header carrying the signature (github: "
            + "X-Hub-Signature-256, calcom: X-Cal-Signature-256, others: X-Signature-256)")
    String signature__header();

    @AttributeDefinition(required = false, description = "Text before the signature's hex digits (github and "
            + "others: sha256=, calcom: none)")
    String signature__prefix();

    @AttributeDefinition(required = false, description = "Header naming the event type (github: X-GitHub-Event, "
            + "calcom: Cal-Event-Type, then the body's triggerEvent, others: X-Event-Type)")
    String event__header();

    @AttributeDefinition(required = false, description = "Header carrying the delivery id; a repeated id runs "
            + "nothing (github: X-GitHub-Delivery, others: none)")
    String delivery__header();
}
