package io.cascadence.core.impl.pipeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Hashes user and group ids the way the original does, so hashes match across implementations: lowercase hex
 * SHA-256 of the secret followed by the id, no separator. A value that already is 64 lowercase hex digits is taken
 * to be a hash and passed through.
 */
public final class IdentityHasher {

    private static final Pattern HASHED = Pattern.compile("[0-9a-f]{64}");
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    });

    private final Supplier<String> secret;

    /** @param secret the current hash secret; read at every call, so a configuration change applies at once */
    public IdentityHasher(Supplier<String> secret) {
        this.secret = secret;
    }

    /** @return the hash, or {@code null} for {@code null} */
    public String hash(String id) {
        if (id == null) {
            return null;
        }
        if (HASHED.matcher(id).matches()) {
            return id;
        }
        MessageDigest digest = SHA256.get();
        digest.reset();
        byte[] bytes = digest.digest((secret.get() + id).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(bytes);
    }
}
