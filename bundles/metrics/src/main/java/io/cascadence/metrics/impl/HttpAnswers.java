package io.cascadence.metrics.impl;

/**
 * How {@code /metrics} answers what is not a scrape, on the HTTP port and the second port alike, in the words and
 * the {@code {"status", "detail"}} shape of every other refusal of Cascadence.
 */
final class HttpAnswers {

    static final String PATH = "/metrics";
    /** The methods {@code /metrics} takes, as {@code Allow} lists them. */
    static final String ALLOW = "GET, HEAD, OPTIONS";
    static final String JSON = "application/json";

    private HttpAnswers() {
    }

    /** Whether a method is a scrape (GET, or HEAD for the headers alone). */
    static boolean scrape(String method) {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    static String notFound(String uri) {
        return error(404, "Not found: " + uri);
    }

    static String methodNotAllowed(String method, String uri) {
        return error(405, "Method " + method + " is not allowed on " + uri + "; it accepts " + ALLOW);
    }

    static String error(int status, String detail) {
        return "{\"status\":" + status + ",\"detail\":\"" + escape(detail) + "\"}";
    }

    /** JSON string escaping: quotes, backslashes and control characters. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (c < 0x20) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
