package io.cascadence.web.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Per-source defaults, what a configuration may set, and which header names the event. */
class WebhookSettingsTest {

    @Test
    void eachSourceHasTheHeadersItsSenderUses() {
        WebhookSettings github = WebhookSettings.defaults("github");
        WebhookSettings calcom = WebhookSettings.defaults("calcom");
        WebhookSettings other = WebhookSettings.defaults("stripe");

        assertThat(List.of(github.signatureHeader(), github.signaturePrefix(), github.eventHeader(),
                github.deliveryHeader())).containsExactly("X-Hub-Signature-256", "sha256=", "X-GitHub-Event",
                        "X-GitHub-Delivery");
        assertThat(List.of(calcom.signatureHeader(), calcom.signaturePrefix(), calcom.eventHeader(),
                calcom.deliveryHeader())).containsExactly("X-Cal-Signature-256", "", "Cal-Event-Type", "");
        assertThat(List.of(other.signatureHeader(), other.signaturePrefix(), other.eventHeader(),
                other.deliveryHeader())).containsExactly("X-Signature-256", "sha256=", "X-Event-Type", "");
        assertThat(github.authenticated()).isFalse();
    }

    @Test
    void aConfigurationOverridesOnlyWhatItSets() {
        WebhookSettings settings = WebhookSettings.of(Map.of("source", "stripe", "secret", " s3cret ",
                "event_header", "X-Stripe-Event", "delivery_header", "X-Stripe-Id", "signature_prefix", ""), "f.cfg");

        assertThat(settings.authenticated()).isTrue();
        assertThat(new String(settings.secret())).isEqualTo("s3cret");
        assertThat(settings.signatureHeader()).isEqualTo("X-Signature-256");
        assertThat(settings.signaturePrefix()).isEmpty();
        assertThat(settings.eventHeader()).isEqualTo("X-Stripe-Event");
        assertThat(settings.deliveryHeader()).isEqualTo("X-Stripe-Id");
    }

    @Test
    void aBadConfigurationIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> WebhookSettings.of(Map.of("secret", "x"), "f.cfg"))
                .hasMessage("it has no 'source': set source=<name> (such as github or calcom)");
        assertThatThrownBy(() -> WebhookSettings.of(Map.of("source", "GitHub"), "f.cfg"))
                .hasMessageStartingWith("its source 'GitHub' is not a webhook source name (lowercase letters");
        assertThatThrownBy(() -> WebhookSettings.of(Map.of("source", "github", "signature_header", "X Sig"), "f"))
                .hasMessage("its signature_header 'X Sig' is not an HTTP header name");
        assertThatThrownBy(() -> WebhookSettings.of(Map.of("source", "github", "signature_header", ""), "f"))
                .hasMessage("its signature_header '' is not an HTTP header name");
    }

    @Test
    void theEventComesFromTheSourcesHeaderAndForCalComFromTheBody() {
        Map<String, String> headers = new HashMap<>();
        headers.put("X-GitHub-Event", " issues ");
        headers.put("X-Event-Type", "ping");
        Map<String, Object> calcomBody = Map.of("triggerEvent", "BOOKING_CREATED", "payload", Map.of());

        assertThat(WebhookEvents.of(WebhookSettings.defaults("github"), headers::get, Map.of())).isEqualTo("issues");
        assertThat(WebhookEvents.of(WebhookSettings.defaults("other"), headers::get, Map.of())).isEqualTo("ping");
        assertThat(WebhookEvents.of(WebhookSettings.defaults("calcom"), headers::get, calcomBody))
                .isEqualTo("BOOKING_CREATED");
        headers.put("Cal-Event-Type", "booking");
        assertThat(WebhookEvents.of(WebhookSettings.defaults("calcom"), headers::get, calcomBody)).isEqualTo("booking");
        // Only Cal.com names its events in the body; elsewhere a triggerEvent field is the sender's own data.
        assertThat(WebhookEvents.of(WebhookSettings.defaults("stripe"), h -> null, calcomBody)).isEmpty();
        assertThat(WebhookEvents.of(WebhookSettings.defaults("github"), h -> null, List.of())).isEmpty();
    }
}
