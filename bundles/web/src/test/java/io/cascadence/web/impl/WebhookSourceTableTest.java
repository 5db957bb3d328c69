package io.cascadence.web.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Which settings a source's deliveries are checked with, and what /health says about the sources. */
class WebhookSourceTableTest {

    private static final Map<String, List<String>> TASKS = Map.of("github", List.of("github_webhook"),
            "calcom", List.of("calcom_webhook"));

    @Test
    void aSourceWithoutConfigurationIsUnauthenticatedAndSaysSo() {
        WebhookSourceTable table = new WebhookSourceTable(List.of(configured("github", "s3cret")));

        assertThat(table.lookup("calcom").settings().authenticated()).isFalse();
        assertThat(table.lookup("github").settings().authenticated()).isTrue();
        assertThat(table.warnings(TASKS)).containsExactly("webhook source 'calcom' is unauthenticated: no secret "
                + "is configured for it, so anyone who can reach /webhook/calcom runs calcom_webhook; add "
                + "config/io.cascadence.webhook-calcom.cfg with source=calcom and secret=<the sender's webhook "
                + "secret>");
    }

    @Test
    void twoConfigurationsForOneSourceRefuseItsDeliveries() {
        WebhookSourceTable table = new WebhookSourceTable(List.of(configured("github", "a"),
                new WebhookSourceTable.Entry("b.cfg", "github", WebhookSettings.of(Map.of("source", "github",
                        "secret", "b"), "b.cfg"), null)));

        String refusal = table.lookup("github").refusal();

        assertThat(table.lookup("github").settings()).isNull();
        assertThat(refusal).isEqualTo("webhook source 'github' has 2 configurations (/c/github.cfg, b.cfg), so its "
                + "deliveries are refused until one is left");
        assertThat(table.warnings(TASKS)).contains(refusal);
    }

    @Test
    void aBrokenConfigurationIsNamedAndRefusesTheSourceItsFileNames() {
        WebhookSourceTable.Entry broken = WebhookSourceComponent.entry(Map.of(
                "service.pid", "io.cascadence.webhook~github", "secret", "s3cret",
                "felix.fileinstall.filename", "file:/opt/cascadence/config/io.cascadence.webhook-github.cfg"));

        WebhookSourceTable table = new WebhookSourceTable(List.of(broken));

        assertThat(table.lookup("github").refusal()).isEqualTo("the configuration of webhook source 'github' "
                + "(/opt/cascadence/config/io.cascadence.webhook-github.cfg) is broken: it has no 'source': set "
                + "source=<name> (such as github or calcom); its deliveries are refused until it is fixed");
        assertThat(table.warnings(Map.of())).first().asString().isEqualTo("webhook configuration "
                + "/opt/cascadence/config/io.cascadence.webhook-github.cfg is ignored: it has no 'source': set "
                + "source=<name> (such as github or calcom)");
        assertThat(table.warnings(Map.of()).toString()).doesNotContain("s3cret");
    }

    private static WebhookSourceTable.Entry configured(String source, String secret) {
        return WebhookSourceComponent.entry(Map.of("source", source, "secret", secret,
                "felix.fileinstall.filename", "file:/c/" + source + ".cfg"));
    }
}
