package io.cascadence.web.impl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

import io.cascadence.api.Identity;

/**
 * The API tokens in force: {@code api_tokens} ({@code TOKEN}, {@code TOKEN=USER}, {@code TOKEN=USER:GROUP},
 * comma-separated; the core has checked the value) plus the launcher's own token. Only SHA-256 digests of the tokens
 * are kept, and a presented token is compared with every one of them in constant time, so neither how much of a
 * token matched nor which entry did shows in how long the answer takes.
 */
final class ApiTokens {

    /**
     * One token and whom it stands for.
     *
     * @param digest the token's SHA-256
     * @param bound the identity it is bound to ({@code null} user and group for a token that is not bound)
     */
    record Entry(byte[] digest, Identity bound) {

        boolean isBound() {
            return bound.userId() != null;
        }
    }

    static final ApiTokens NONE = new ApiTokens(List.of());

    private final List<Entry> entries;

    private ApiTokens(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * @param configured the value of {@code api_tokens}; entries that are not usable are skipped (the core refuses
     *        such a value before a bundle sees it)
     * @param launcherToken the token of the process that started the container, accepted beside the configured ones
     *        and bound to nobody, or {@code null}
     */
    static ApiTokens parse(String configured, String launcherToken) {
        List<Entry> entries = new ArrayList<>();
        for (String part : configured == null ? new String[0] : configured.split(",")) {
            String entry = part.strip();
            int eq = entry.indexOf('=');
            String token = eq < 0 ? entry : entry.substring(0, eq).strip();
            if (token.isEmpty()) {
                continue;
            }
            Identity bound = Identity.ANONYMOUS;
            if (eq >= 0) {
                String identity = entry.substring(eq + 1).strip();
                int colon = identity.indexOf(':');
                bound = colon < 0 ? new Identity(identity, null)
                        : new Identity(identity.substring(0, colon), identity.substring(colon + 1));
            }
            entries.add(new Entry(digest(token), bound));
        }
        if (entries.isEmpty()) {
            return NONE;
        }
        if (launcherToken != null && !launcherToken.isEmpty()) {
            entries.add(new Entry(digest(launcherToken), Identity.ANONYMOUS));
        }
        return new ApiTokens(entries);
    }

    /** Whether any token is configured: without one, no request needs a token. */
    boolean enabled() {
        return !entries.isEmpty();
    }

    /** The entry of a presented token, or {@code null} when it is none of them. */
    Entry match(String presented) {
        byte[] digest = digest(presented);
        Entry found = null;
        for (Entry entry : entries) {
            // Every entry is compared, whichever matches.
            if (MessageDigest.isEqual(entry.digest(), digest) & found == null) {
                found = entry;
            }
        }
        return found;
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
