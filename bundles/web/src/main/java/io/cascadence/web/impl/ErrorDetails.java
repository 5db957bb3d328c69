package io.cascadence.web.impl;

/**
 * The wording of refusals that no Cascadence service made: an unknown path, a method a path does not take, and
 * what Felix HTTP or Jetty refuse before any servlet runs (malformed request lines, URIs and headers, oversized
 * ones). {@link Errors} words what Cascadence's services refuse; between them they word every
 * {@code {"status", "detail"}} a client can get, and {@link Json#error} gives it its one shape.
 */
final class ErrorDetails {

    /** Longest container message passed on to a client; longer ones are not meant for it. */
    private static final int MAX_MESSAGE = 200;

    private ErrorDetails() {
    }

    /**
     * The status to answer a container error with: Jetty's 501 (a Transfer-Encoding it does not implement) and 505
     * (an HTTP version it does not speak) are the request's fault, and a 5xx is kept for Cascadence's own faults.
     */
    static int status(int containerStatus) {
        return containerStatus == 501 || containerStatus == 505 ? 400 : containerStatus;
    }

    static String notFound(String uri) {
        return "Not found: " + uri;
    }

    static String methodNotAllowed(String method, String uri, String allow) {
        return "Method " + method + " is not allowed on " + uri + "; it accepts " + allow;
    }

    /**
     * The detail of an error the container raised.
     *
     * @param status the HTTP status it answers with
     * @param message the container's message, if any (Jetty's, such as {@code Ambiguous URI path separator})
     * @param uri the request URI, or {@code null} when the request could not be parsed
     * @param headerLimit the largest request line and header block Jetty accepts, in bytes, or 0 if unknown
     */
    static String container(int status, String message, String uri, int headerLimit) {
        String known = usable(message);
        return switch (status) {
            case 400 -> "the request is malformed" + (known == null ? " (its request line, URI or a header)"
                    : ": " + known);
            case 404 -> uri == null ? "Not found" : notFound(uri);
            case 405 -> "Method not allowed" + (uri == null ? "" : " on " + uri);
            case 408 -> "the request was not received in time";
            case 413 -> "the request is larger than Cascadence accepts";
            case 414 -> "the request URI is longer than " + limit(headerLimit);
            case 431 -> "the request headers are larger than " + limit(headerLimit);
            case 503 -> "Cascadence cannot serve requests now (it is starting or stopping); try again";
            default -> status >= 500 ? "internal error; the container log has the details"
                    : "the request is refused (HTTP " + status + ")" + (known == null ? "" : ": " + known);
        };
    }

    /**
     * The first message worth passing on of {@code message} and the messages of {@code cause} and its causes:
     * Jetty's own message is often only the reason phrase, while its cause says what is wrong
     * ({@code Bad URI % encoding}).
     */
    static String firstUsable(String message, Throwable cause) {
        String usable = usable(message);
        Throwable t = cause;
        for (int depth = 0; usable == null && t != null && depth < 5; depth++, t = t.getCause()) {
            usable = usable(t.getMessage());
        }
        return usable;
    }

    private static String limit(int bytes) {
        return bytes > 0 ? bytes + " bytes" : "the server accepts";
    }

    /**
     * A container message worth passing on: present, short, not just the status's reason phrase, a class name or
     * one of Jetty's terse internal codes ({@code !hex z}, reworded).
     */
    private static String usable(String message) {
        if (message == null || message.isBlank() || message.length() > MAX_MESSAGE) {
            return null;
        }
        // Jetty's exceptions put the status in front of their reason: "400: Bad URI".
        String text = message.strip().replaceFirst("^\\d{3}: ", "");
        boolean reasonPhrase = text.equalsIgnoreCase("Bad Request") || text.equalsIgnoreCase("Not Found")
                || text.matches("\\d{3}");
        if (text.startsWith("!hex")) {
            return "a malformed percent-escape; expected % and two hex digits, such as %2F";
        }
        boolean internal = text.startsWith("!") || text.startsWith("java.") || text.startsWith("org.")
                || text.startsWith("jakarta.");
        return reasonPhrase || internal ? null : text;
    }
}
