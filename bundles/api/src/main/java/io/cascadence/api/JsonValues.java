package io.cascadence.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that a value is JSON-like (a run's input, a stage's checkpointed result) and makes an unmodifiable copy of
 * it, so no run can change another's.
 *
 * @since 1.3
 */
public final class JsonValues {

    /** Deeper than this is refused: no honest payload nests so far, and a cyclic one would never end. */
    public static final int MAX_DEPTH = 64;

    private JsonValues() {
    }

    /**
     * @return an unmodifiable deep copy: maps keep their order, numbers and strings are kept as they are
     * @throws InvalidRequestException naming the first value that is not a map with string keys, a list, a
     *         string, a number, a boolean or {@code null}, and where it is
     */
    public static Object copyOf(Object value) {
        return copy(value, "input", 0);
    }

    private static Object copy(Object value, String where, int depth) {
        if (depth > MAX_DEPTH) {
            throw new InvalidRequestException(where + " nests deeper than " + MAX_DEPTH + " levels");
        }
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (!Double.isFinite(number)) {
                throw new InvalidRequestException(where + " is " + value + "; JSON numbers are finite");
            }
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new InvalidRequestException(where + " has a key that is not a string: " + entry.getKey());
                }
                copy.put(key, copy(entry.getValue(), where + "." + key, depth + 1));
            }
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(copy(list.get(i), where + "[" + i + "]", depth + 1));
            }
            return Collections.unmodifiableList(copy);
        }
        throw new InvalidRequestException(where + " is a " + value.getClass().getName()
                + "; expected a map, a list, a string, a number, a boolean or null");
    }
}
