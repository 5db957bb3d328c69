package io.cascadence.core.impl.pipeline;

/** Short texts of stage outputs for audit events and run records: enough to recognise, never a whole payload. */
final class Previews {

    static final int MAX = 256;

    private Previews() {
    }

    static String of(Object value) {
        if (value == null) {
            return null;
        }
        String text;
        try {
            text = String.valueOf(value);
        } catch (RuntimeException e) {
            text = value.getClass().getName();
        }
        return text.length() <= MAX ? text : text.substring(0, MAX) + "...";
    }
}
