package io.cascadence.transport.nats.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class NatsSettingsTest {

    @Test
    void aPythonModuleAttributeWhereTheServerUrlBelongsIsRefusedByName() {
        assertThatThrownBy(() -> new NatsConnector().open(Map.of("ume_nats_conn", "mymodule:conn")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ume_nats_conn")
                .hasMessageContaining("mymodule:conn").hasMessageContaining("server URL");
    }

    @Test
    void aServerUrlJnatsCannotUseIsRefusedByName() {
        assertThatThrownBy(() -> new NatsConnector().open(Map.of("ume_nats_conn", "nats://127.0.0.1:99999")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ume_nats_conn")
                .hasMessageContaining("99999");
    }

    @Test
    void emptySettingsMeanTheLocalServerAndSubjectEventsOnCoreNats() {
        NatsSettings settings = NatsSettings.parse(Map.of("ume_nats_conn", " ", "ume_grpc_stub", "ignored"));

        assertThat(settings.servers()).containsExactly("nats://127.0.0.1:4222");
        assertThat(settings.jetStream()).isFalse();
        assertThat(settings.target()).isEqualTo("nats://127.0.0.1:4222 subject events");
    }

    @Test
    void severalServersAndAStream() {
        NatsSettings settings = NatsSettings.parse(Map.of("ume_nats_conn", "nats://a:4222, tls://b:4443,ws://c",
                "ume_nats_subject", "ume.events", "ume_nats_stream", "UME"));

        assertThat(settings.servers()).containsExactly("nats://a:4222", "tls://b:4443", "ws://c");
        assertThat(settings.target()).isEqualTo("nats://a:4222,tls://b:4443,ws://c subject ume.events stream UME");
    }

    @Test
    void subjectsThatCannotBePublishedToAreRefused() {
        for (String subject : new String[] {"ume.*", "ume.>", "two words", "ume..events"}) {
            assertThatThrownBy(() -> NatsSettings.parse(Map.of("ume_nats_subject", subject)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ume_nats_subject")
                    .hasMessageContaining(subject);
        }
    }

    @Test
    void streamNamesWithDotsAreRefused() {
        assertThatThrownBy(() -> NatsSettings.parse(Map.of("ume_nats_stream", "ume.events")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ume_nats_stream");
    }

    @Test
    void streamSubjectsWithWildcardsCoverTheSubject() {
        assertThat(StreamCheck.covers("events", "events")).isTrue();
        assertThat(StreamCheck.covers("ume.>", "ume.events.a")).isTrue();
        assertThat(StreamCheck.covers("ume.*", "ume.events")).isTrue();
        assertThat(StreamCheck.covers("ume.*", "ume.events.a")).isFalse();
        assertThat(StreamCheck.covers("ume.>", "ume")).isFalse();
        assertThat(StreamCheck.covers("other", "events")).isFalse();
    }
}
