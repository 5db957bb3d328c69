package io.cascadence.transport.nats.impl;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The NATS transport's settings, read from the keys {@code ume_nats_conn}, {@code ume_nats_subject} and
 * {@code ume_nats_stream} and checked once, so a connection never starts with a value it cannot use.
 *
 * @param servers one or more server URLs ({@code nats://}, {@code tls://}, {@code ws://} or {@code wss://})
 * @param subject the subject events are published on and received from
 * @param stream the JetStream stream that stores the subject, or empty for core NATS
 */
public record NatsSettings(List<String> servers, String subject, String stream) {

    /** The server URL(s), comma-separated. */
    public static final String CONN = "ume_nats_conn";
    /** The subject. */
    public static final String SUBJECT = "ume_nats_subject";
    /** The JetStream stream; empty for core NATS. */
    public static final String STREAM = "ume_nats_stream";

    static final String DEFAULT_SERVER = "nats://127.0.0.1:4222";
    static final String DEFAULT_SUBJECT = "events";
    private static final Set<String> SCHEMES = Set.of("nats", "tls", "ws", "wss");

    public NatsSettings {
        servers = List.copyOf(servers);
    }

    /**
     * Reads and checks the settings.
     *
     * @param settings the transport PID's values by key; a missing or empty key means its default
     * @throws IllegalArgumentException naming the key and the value, and what would be accepted, when a value is
     *         not usable
     */
    public static NatsSettings parse(Map<String, String> settings) {
        return new NatsSettings(servers(value(settings, CONN)), subject(value(settings, SUBJECT)),
                stream(value(settings, STREAM)));
    }

    /** Whether messages go to a JetStream stream (acknowledged) rather than core NATS. */
    public boolean jetStream() {
        return !stream.isEmpty();
    }

    /** Where messages go, for status and logs: {@code nats://127.0.0.1:4222 subject events [stream X]}. */
    public String target() {
        return String.join(",", servers) + " subject " + subject + (jetStream() ? " stream " + stream : "");
    }

    private static String value(Map<String, String> settings, String key) {
        String value = settings.get(key);
        return value == null ? "" : value.strip();
    }

    private static List<String> servers(String value) {
        if (value.isEmpty()) {
            return List.of(DEFAULT_SERVER);
        }
        List<String> servers = new ArrayList<>();
        for (String part : value.split(",")) {
            String server = part.strip();
            if (server.isEmpty()) {
                continue;
            }
            if (!isServerUrl(server)) {
                throw new IllegalArgumentException(CONN + " '" + value + "' is not a NATS server URL: Cascadence "
                        + "wants the server URL(s) there, comma-separated, such as " + DEFAULT_SERVER
                        + " (nats://, tls://, ws:// or wss://, a host, a port up to 65535), not a Python "
                        + "module:attribute as the original took");
            }
            servers.add(server);
        }
        return servers.isEmpty() ? List.of(DEFAULT_SERVER) : servers;
    }

    private static boolean isServerUrl(String server) {
        try {
            URI uri = new URI(server);
            return uri.getScheme() != null && SCHEMES.contains(uri.getScheme().toLowerCase())
                    && uri.getHost() != null && uri.getPort() <= 65_535;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String subject(String value) {
        String subject = value.isEmpty() ? DEFAULT_SUBJECT : value;
        boolean emptyToken = subject.startsWith(".") || subject.endsWith(".") || subject.contains("..");
        if (emptyToken || subject.chars().anyMatch(c -> Character.isWhitespace(c) || c == '*' || c == '>')) {
            throw new IllegalArgumentException(SUBJECT + " '" + value + "' cannot be published to: use a subject "
                    + "of dot-separated words without spaces or the wildcards * and >, such as "
                    + DEFAULT_SUBJECT);
        }
        return subject;
    }

    private static String stream(String value) {
        if (value.chars().anyMatch(c -> Character.isWhitespace(c) || ".*>/\\".indexOf(c) >= 0)) {
            throw new IllegalArgumentException(STREAM + " '" + value + "' is not a JetStream stream name: use "
                    + "letters, digits, - and _ (no spaces, dots, *, >, / or \\), or leave it empty for core NATS");
        }
        return value;
    }
}
