package io.cascadence.web.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Deliveries with a secret configured: only a valid HMAC-SHA256 of the exact body bytes gets through. */
class WebhookSignaturesTest {

    private static final String SECRET = "It's a Secret to Everybody";
    private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    private static final WebhookSettings GITHUB = WebhookSettings.of(Map.of("source", "github", "secret", SECRET),
            "test");
    private static final WebhookSettings CALCOM = WebhookSettings.of(Map.of("source", "calcom", "secret", SECRET),
            "test");

    @Test
    void gitHubsOwnExampleSignatureIsAccepted() {
        // The example of GitHub's documentation "Validating webhook deliveries": this secret and payload.
        String documented = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

        assertThatCode(() -> WebhookSignatures.verify(GITHUB, documented, BODY)).doesNotThrowAnyException();
        assertThatCode(() -> WebhookSignatures.verify(GITHUB, documented.toUpperCase().replace("SHA256=", "sha256="),
                BODY)).doesNotThrowAnyException();
    }

    @Test
    void calComSignaturesAreBareHex() {
        String hex = HexFormat.of().formatHex(WebhookSignatures.hmac(SECRET.getBytes(StandardCharsets.UTF_8), BODY));

        assertThatCode(() -> WebhookSignatures.verify(CALCOM, hex, BODY)).doesNotThrowAnyException();
        assertThat(refusal(CALCOM, "sha256=" + hex, BODY)).isEqualTo("X-Cal-Signature-256 is not <64 hex digits>");
    }

    @Test
    void aBodyChangedByOneByteIsRefused() {
        String signature = "sha256=" + HexFormat.of().formatHex(
                WebhookSignatures.hmac(SECRET.getBytes(StandardCharsets.UTF_8), BODY));
        byte[] altered = BODY.clone();
        altered[altered.length - 1] ^= 1;

        assertThat(refusal(GITHUB, signature, altered)).startsWith("X-Hub-Signature-256 does not match the body");
    }

    @Test
    void aSignatureMadeWithAnotherSecretIsRefusedWithoutNamingEither() {
        String other = "sha256=" + HexFormat.of().formatHex(
                WebhookSignatures.hmac("guess".getBytes(StandardCharsets.UTF_8), BODY));

        String refusal = refusal(GITHUB, other, BODY);

        assertThat(refusal).contains("does not match the body").doesNotContain(SECRET).doesNotContain(other);
    }

    @Test
    void missingAndMalformedSignaturesAreRefusedNamingTheHeader() {
        assertThat(refusal(GITHUB, null, BODY)).startsWith("the delivery has no X-Hub-Signature-256 header")
                .contains("sha256=<64 hex digits>");
        assertThat(refusal(GITHUB, " ", BODY)).startsWith("the delivery has no X-Hub-Signature-256 header");
        assertThat(refusal(GITHUB, "sha1=757107ea", BODY))
                .isEqualTo("X-Hub-Signature-256 does not start with 'sha256='; expected sha256=<64 hex digits>");
        assertThat(refusal(GITHUB, "sha256=zz", BODY)).isEqualTo("X-Hub-Signature-256 is not sha256=<64 hex digits>");
        assertThat(refusal(GITHUB, "sha256=757107ea", BODY))
                .isEqualTo("X-Hub-Signature-256 is not sha256=<64 hex digits>");
    }

    private static String refusal(WebhookSettings settings, String header, byte[] body) {
        WebhookException refused = catchThrowableOfType(WebhookException.class,
                () -> WebhookSignatures.verify(settings, header, body));
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.status()).isEqualTo(401);
        return refused.getMessage();
    }
}
