package io.cascadence.web.impl;

import io.cascadence.api.config.CascadenceConfig;

/**
 * {@code max_body_size}: the largest request body Cascadence reads, in bytes. It is looked up at every request, so
 * an edit applies to the next one.
 */
final class BodyLimit {

    static final String KEY = "max_body_size";
    static final long DEFAULT = 1 << 20;

    private BodyLimit() {
    }

    static long of(CascadenceConfig config) {
        String text = config.value(KEY).orElse(null);
        if (text == null) {
            return DEFAULT;
        }
        try {
            long bytes = Long.parseLong(text.strip());
            return bytes > 0 ? bytes : DEFAULT;
        } catch (NumberFormatException e) {
            // The configuration refuses such a value before it is in force; an older core may not know the key.
            return DEFAULT;
        }
    }
}
