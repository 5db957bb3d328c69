package io.cascadence.temporal.impl;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how the backend reaches Temporal, from {@link TemporalConfiguration}.
 *
 * @param target the frontend's {@code host:port}
 * @param namespace the Temporal namespace
 * @param taskQueue the task queue of runs
 * @param tls whether to use TLS
 * @param cert PEM client certificate, or {@code null}
 * @param key PEM PKCS#8 key of {@code cert}, or {@code null}
 * @param ca PEM certificate authority, or {@code null} for the JVM's
 * @param attempts attempts of a run's activity, at least 1
 * @param taskAttempts attempts of single tasks' runs, by task name, which win over {@code attempts}
 */
record TemporalSettings(String target, String namespace, String taskQueue, boolean tls, Path cert, Path key, Path ca,
        int attempts, Map<String, Integer> taskAttempts) {

    /** The backend's name, as {@code backend} names it. */
    static final String BACKEND = "temporal";

    /**
     * @throws IllegalArgumentException naming the key when a value cannot be used (a blank address, a certificate
     *         without its key, a file that cannot be read)
     */
    static TemporalSettings of(TemporalConfiguration configuration) {
        String target = configuration.temporal__server().strip();
        if (target.isEmpty()) {
            throw new IllegalArgumentException("temporal_server is empty: expected the Temporal frontend's host:port");
        }
        String namespace = blankTo(configuration.temporal__namespace(), "default");
        String queue = blankTo(configuration.temporal__task__queue(), "cascadence");
        Path cert = file("temporal_tls_cert", configuration.temporal__tls__cert());
        Path key = file("temporal_tls_key", configuration.temporal__tls__key());
        Path ca = file("temporal_tls_ca", configuration.temporal__tls__ca());
        if ((cert == null) != (key == null)) {
            throw new IllegalArgumentException("temporal_tls_cert and temporal_tls_key go together: set both for "
                    + "mutual TLS, or neither");
        }
        boolean tls = configuration.temporal__tls() || cert != null || ca != null;
        return new TemporalSettings(target, namespace, queue, tls, cert, key, ca,
                Math.max(1, configuration.temporal__attempts()), counts(configuration.temporal__task__attempts()));
    }

    /** The attempts of a run of the task: its own from {@code temporal_task_attempts}, else {@code attempts}. */
    int attemptsOf(String taskName) {
        return attemptsOf(taskName, null);
    }

    /**
     * The attempts of a run of the task: its own from {@code temporal_task_attempts}, else what its service
     * declares ({@code declared}, or {@code null}), else {@code attempts}.
     */
    int attemptsOf(String taskName, Integer declared) {
        return taskAttempts.getOrDefault(taskName, declared != null ? declared : attempts);
    }

    /** {@code NAME=N, ...}, as the core checked it. */
    static Map<String, Integer> counts(String text) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String part : text == null ? new String[0] : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            try {
                int count = Integer.parseInt(part.substring(eq + 1).strip());
                if (count >= 1) {
                    counts.put(part.substring(0, eq).strip(), count);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("temporal_task_attempts: '" + part.strip() + "' is not NAME=N");
            }
        }
        return Map.copyOf(counts);
    }

    /** For logs and health: where it connects, without secrets. */
    /** Whether {@code other} reaches the same service and task queue the same way: whether a connection serves both. */
    boolean sameService(TemporalSettings other) {
        return other != null && target.equals(other.target) && namespace.equals(other.namespace)
                && taskQueue.equals(other.taskQueue) && tls == other.tls && Objects.equals(cert, other.cert)
                && Objects.equals(key, other.key) && Objects.equals(ca, other.ca);
    }

    String describe() {
        return target + " (namespace " + namespace + ", task queue " + taskQueue + (tls ? ", TLS" : "") + ")";
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static Path file(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        File file = new File(value.strip());
        if (!Files.isReadable(file.toPath())) {
            throw new IllegalArgumentException(name + " names " + file + ", which cannot be read");
        }
        return file.toPath().toAbsolutePath();
    }
}
