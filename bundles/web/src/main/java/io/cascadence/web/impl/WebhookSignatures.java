package io.cascadence.web.impl;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a delivery's HMAC-SHA256 signature of its raw body bytes, made with the source's secret: GitHub sends
 * {@code X-Hub-Signature-256: sha256=<hex>}, Cal.com {@code X-Cal-Signature-256: <hex>}. The comparison takes
 * the same time wherever the bytes differ. A refusal names the header and what is wrong, never the secret or the
 * expected signature.
 */
final class WebhookSignatures {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int DIGEST_BYTES = 32;

    private WebhookSignatures() {
    }

    /**
     * @param settings the source's settings, with a secret
     * @param header the signature header's value, or {@code null} when the delivery has none
     * @param body the delivery's body, as received
     * @throws WebhookException 401 when the signature is missing, malformed or does not match
     */
    static void verify(WebhookSettings settings, String header, byte[] body) {
        String name = settings.signatureHeader();
        String expected = settings.signaturePrefix() + "<64 hex digits>";
        if (header == null || header.isBlank()) {
            throw unauthorized("the delivery has no " + name + " header; webhook source '" + settings.source()
                    + "' has a secret, so every delivery must carry " + name + ": " + expected
                    + ", the HMAC-SHA256 of its body");
        }
        String value = header.strip();
        if (!value.startsWith(settings.signaturePrefix())) {
            throw unauthorized(name + " does not start with '" + settings.signaturePrefix() + "'; expected "
                    + expected);
        }
        String hex = value.substring(settings.signaturePrefix().length());
        byte[] given;
        try {
            given = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            given = null;
        }
        if (given == null || given.length != DIGEST_BYTES) {
            throw unauthorized(name + " is not " + expected);
        }
        if (!MessageDigest.isEqual(hmac(settings.secret(), body), given)) {
            throw unauthorized(name + " does not match the body: it was made with another secret than the one "
                    + "configured for webhook source '" + settings.source() + "', or over other bytes");
        }
    }

    /** The HMAC-SHA256 of {@code body} with {@code secret}. */
    static byte[] hmac(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }

    private static WebhookException unauthorized(String message) {
        return new WebhookException(401, message);
    }
}
