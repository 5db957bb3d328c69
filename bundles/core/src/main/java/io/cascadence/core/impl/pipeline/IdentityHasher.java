package io.cascadence.core.impl.pipeline;

import java.util.function.Supplier;

import io.cascadence.api.Identity;

/**
 * Hashes user and group ids the way the original does, so hashes match across implementations: lowercase hex
 * SHA-256 of the secret followed by the id, no separator. A value that already is 64 lowercase hex digits is taken
 * to be a hash and passed through.
 */
public final class IdentityHasher {

    private final Supplier<String> secret;

    /** @param secret the current hash secret; read at every call, so a configuration change applies at once */
    public IdentityHasher(Supplier<String> secret) {
        this.secret = secret;
    }

    /** @return the hash ({@link Identity#hash}), or {@code null} for {@code null} */
    public String hash(String id) {
        return Identity.hash(secret.get(), id);
    }
}
