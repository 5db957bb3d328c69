package io.cascadence.api;

import java.util.Optional;

/**
 * Who a run is for: an optional user id and an optional group id, as given by the caller (the REST headers
 * {@code X-User-ID} and {@code X-Group-ID}, or the command line's {@code --user-id} and {@code --group-id}).
 */
public record Identity(String userId, String groupId) {

    /** A run that nobody in particular asked for (a cron fire, for example). */
    public static final Identity ANONYMOUS = new Identity(null, null);

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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
