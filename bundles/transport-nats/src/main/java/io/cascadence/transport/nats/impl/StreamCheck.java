package io.cascadence.transport.nats.impl;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.ume.spi.DeliveryException;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;

/**
 * Makes sure the JetStream stream {@code ume_nats_stream} exists and stores {@code ume_nats_subject}: a missing
 * stream is created (file storage, a {@value #DUPLICATE_WINDOW_MINUTES}-minute duplicate window); an existing
 * one is left as its owner configured it, but must cover the subject, or nothing published would be stored.
 */
final class StreamCheck {

    private static final Logger LOG = LoggerFactory.getLogger(StreamCheck.class);
    static final int DUPLICATE_WINDOW_MINUTES = 2;
    /** JetStream's "stream not found". */
    private static final int STREAM_NOT_FOUND = 10059;

    private final String name;
    private final String subject;

    StreamCheck(String name, String subject) {
        this.name = name;
        this.subject = subject;
    }

    String name() {
        return name;
    }

    /**
     * @throws DeliveryException when the server has no JetStream, does not answer, refuses to create the stream,
     *         or the stream exists without covering the subject (the message names both)
     */
    void ensure(Connection connection) throws DeliveryException {
        try {
            JetStreamManagement management = connection.jetStreamManagement();
            StreamInfo info;
            try {
                info = management.getStreamInfo(name);
            } catch (JetStreamApiException e) {
                if (e.getApiErrorCode() != STREAM_NOT_FOUND) {
                    throw e;
                }
                management.addStream(StreamConfiguration.builder().name(name).subjects(subject)
                        .storageType(StorageType.File).duplicateWindow(Duration.ofMinutes(DUPLICATE_WINDOW_MINUTES))
                        .build());
                LOG.info("Created JetStream stream {} for subject {}", name, subject);
                return;
            }
            List<String> subjects = info.getConfiguration().getSubjects();
            if (subjects.stream().noneMatch(pattern -> covers(pattern, subject))) {
                throw new DeliveryException("JetStream stream " + name + " stores " + subjects + ", not "
                        + NatsSettings.SUBJECT + " " + subject + ": add the subject to the stream or set "
                        + NatsSettings.STREAM + " to the stream that stores it", 0, null);
            }
        } catch (JetStreamApiException e) {
            throw new DeliveryException("JetStream refused stream " + name + " for subject " + subject + ": "
                    + e.getErrorDescription() + " (JetStream error " + e.getApiErrorCode() + ")", 0, e);
        } catch (IOException | RuntimeException e) {
            throw new DeliveryException("JetStream did not answer about stream " + name + " (is JetStream enabled "
                    + "on the server, nats-server -js?): " + e.getMessage(), 0, e);
        }
    }

    /** Whether the stream subject {@code pattern} (with {@code *} and {@code >} wildcards) matches {@code subject}. */
    static boolean covers(String pattern, String subject) {
        String[] want = pattern.split("\\.", -1);
        String[] have = subject.split("\\.", -1);
        for (int i = 0; i < want.length; i++) {
            if (want[i].equals(">")) {
                return have.length > i;
            }
            if (i >= have.length || !(want[i].equals("*") || want[i].equals(have[i]))) {
                return false;
            }
        }
        return want.length == have.length;
    }
}
