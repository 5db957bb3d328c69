package io.cascadence.scheduler.impl.book;

import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.cascadence.api.Identity;

/**
 * The original's {@code _hash_user_id} ({@link Identity#hash}), so that a {@code schedules.yml} written by either
 * one reads the same. The
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

    /** The hash of {@code id} ({@link Identity#hash}); a value that already is a hash is returned as it is. */
    public String hash(String id) {
        return Identity.hash(secret.get(), id);
    }

    /** Whether {@code value} is 64 lowercase hex digits, which the original takes for a hash already. */
    public static boolean isHash(String value) {
        return value != null && HASH.matcher(value).matches();
    }
}
