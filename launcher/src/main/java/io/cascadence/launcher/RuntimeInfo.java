package io.cascadence.launcher;

/**
 * How to reach the process that owns an installation.
 *
 * @param pid its process id
 * @param host the address its HTTP server is bound to
 * @param port its HTTP port
 * @param mode {@code container} for bin/cascadence, {@code cli} for a command line running on its own
 */
public record RuntimeInfo(long pid, String host, int port, String mode) {

    /** The address a local client should connect to: a wildcard bind is reached on loopback. */
    public String connectHost() {
        return host.equals("0.0.0.0") || host.equals("::") || host.isBlank() ? "127.0.0.1" : host;
    }

    public String baseUrl() {
        String h = connectHost();
        return "http://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + port;
    }
}
