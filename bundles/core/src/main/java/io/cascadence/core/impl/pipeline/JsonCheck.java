package io.cascadence.core.impl.pipeline;

import java.util.Collection;
import java.util.Map;

/** Whether a stage's result is a JSON value, which a {@link io.cascadence.api.spi.Checkpoints} can carry. */
final class JsonCheck {

    private static final int MAX_DEPTH = 64;

    private JsonCheck() {
    }

    /** Maps with string keys, lists, strings, numbers, booleans and {@code null}, at most 64 levels deep. */
    static boolean isJson(Object value) {
        return isJson(value, 0);
    }

    private static boolean isJson(Object value, int depth) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
            return !(value instanceof Double d && (d.isNaN() || d.isInfinite()))
                    && !(value instanceof Float f && (f.isNaN() || f.isInfinite()));
        }
        if (depth >= MAX_DEPTH) {
            return false;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String) || !isJson(entry.getValue(), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof Collection<?> list) {
            for (Object element : list) {
                if (!isJson(element, depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
