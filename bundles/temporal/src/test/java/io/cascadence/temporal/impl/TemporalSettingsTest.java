package io.cascadence.temporal.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;

import org.junit.jupiter.api.Test;

class TemporalSettingsTest {

    /** A configuration with the given values and the defaults for the rest. */
    private static TemporalConfiguration configuration(String server, String cert, String key, int attempts,
            String taskAttempts) {
        return new TemporalConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return TemporalConfiguration.class;
            }

            @Override
            public String temporal__server() {
                return server;
            }

            @Override
            public String temporal__namespace() {
                return " ";
            }

            @Override
            public String temporal__task__queue() {
                return "runs";
            }

            @Override
            public String temporal__tls__cert() {
                return cert;
            }

            @Override
            public String temporal__tls__key() {
                return key;
            }

            @Override
            public String temporal__tls__ca() {
                return "";
            }

            @Override
            public boolean temporal__tls() {
                return false;
            }

            @Override
            public int temporal__attempts() {
                return attempts;
            }

            @Override
            public String temporal__task__attempts() {
                return taskAttempts;
            }

            @Override
            public String backend() {
                return "temporal";
            }
        };
    }

    @Test
    void aTasksOwnAttemptsWinOverTheDefault() {
        TemporalSettings settings = TemporalSettings.of(configuration("temporal:7233", "", "", 3, "report=1,etl=5"));

        assertThat(settings.attemptsOf("report")).isEqualTo(1);
        assertThat(settings.attemptsOf("etl")).isEqualTo(5);
        assertThat(settings.attemptsOf("other")).isEqualTo(3);
        assertThat(settings.namespace()).isEqualTo("default");
        assertThat(settings.tls()).isFalse();
        assertThat(settings.describe()).isEqualTo("temporal:7233 (namespace default, task queue runs)");
    }

    @Test
    void unusableValuesAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> TemporalSettings.of(configuration(" ", "", "", 3, "")))
                .hasMessageContaining("temporal_server is empty");
        assertThatThrownBy(() -> TemporalSettings.of(configuration("t:7233", "/no/such/cert.pem", "", 3, "")))
                .hasMessage("temporal_tls_cert names /no/such/cert.pem, which cannot be read");
    }
}
