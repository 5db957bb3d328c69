package io.cascadence.scheduler.impl.book;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The original's {@code _hash_user_id}: lowercase hex SHA-256 of the UTF-8 bytes of {@code secret + id} (plain
 * concatenation, secret first, no HMAC), so that a {@code schedules.yml} written by either one reads the same. The
 * secret is asked for at every call, as the original re-read its configuration, so a changed secret applies to the
 * next write.
 */
public final class IdentityHash {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private final Supplier<String> secret;

    /** @param secret the hash secret ({@code hash_secret}); {@code null} from it counts as empty */
    public IdentityHash(Supplier<String> secret) {
        this.secret = secret;
    }

    /** The hash of {@code id}; a value that already is a hash (64 lowercase hex digits) is returned as it is. */
    public String hash(String id) {
        if (isHash(id)) {
            return id;
        }
        String prefix = secret.get();
        byte[] input = ((prefix == null ? "" : prefix) + id).getBytes(StandardCharsets.UTF_8);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Whether {@code value} is 64 lowercase hex digits, which the original takes for a hash already. */
    public static boolean isHash(String value) {
        return value != null && HASH.matcher(value).matches();
    }
}
