package io.cascadence.web.impl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A user or group id as the API may show it: the original's hash, lowercase hex SHA-256 of {@code hash_secret}
 * followed by the id; a value that already is 64 lowercase hex digits (a schedule read back from
 * {@code schedules.yml}) is a hash and shown as it is. The core's run executor hashes the same way; the API has no
 * hashing service the web bundle could call, so the few lines are repeated here rather than a plain id shown.
 */
final class IdentityHash {

    private static final Pattern HASHED = Pattern.compile("[0-9a-f]{64}");

    private IdentityHash() {
    }

    /** @return the hash, or {@code null} for {@code null} */
    static String of(String secret, String id) {
        if (id == null) {
            return null;
        }
        if (HASHED.matcher(id).matches()) {
            return id;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(((secret == null ? "" : secret) + id).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
