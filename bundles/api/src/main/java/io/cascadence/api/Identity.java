package io.cascadence.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who a run is for: an optional user id and an optional group id, as given by the caller (the REST headers
 * {@code X-User-ID} and {@code X-Group-ID}, or the command line's {@code --user-id} and {@code --group-id}).
 */
public record Identity(String userId, String groupId) {

    /** A run that nobody in particular asked for (a cron fire, for example). */
    public static final Identity ANONYMOUS = new Identity(null, null);

    private static final Pattern HASHED = Pattern.compile("[0-9a-f]{64}");
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    });

    public Identity {
        userId = blankToNull(userId);
        groupId = blankToNull(groupId);
    }

    public Optional<String> user() {
        return Optional.ofNullable(userId);
    }

    public Optional<String> group() {
        return Optional.ofNullable(groupId);
    }

    /**
     * How user and group ids leave Cascadence (run records, events, {@code schedules.yml}): the original's hash,
     * lowercase hex SHA-256 of {@code secret} followed by {@code id}, no separator, so hashes match across
     * implementations. A value that already is 64 lowercase hex digits is taken to be a hash and returned as it is.
     *
     * @param secret the configured {@code hash_secret}; {@code null} is taken as empty
     * @param id a user or group id, or {@code null}
     * @return the hash, or {@code null} for {@code null}
     */
    public static String hash(String secret, String id) {
        if (id == null) {
            return null;
        }
        if (HASHED.matcher(id).matches()) {
            return id;
        }
        MessageDigest digest = SHA256.get();
        digest.reset();
        return HexFormat.of().formatHex(digest.digest(((secret == null ? "" : secret) + id)
                .getBytes(StandardCharsets.UTF_8)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
