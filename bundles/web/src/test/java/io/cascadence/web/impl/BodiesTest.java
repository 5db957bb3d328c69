package io.cascadence.web.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cascadence.api.InvalidRequestException;

/** {@link RequestBodies} and {@link BodyLimit}: JSON bodies within max_body_size. */
class BodiesTest {

    @Test
    void aJsonBodyWithinTheLimitIsItsValueAndAnEmptyOneIsNull() throws IOException {
        assertThat(RequestBodies.json(Fakes.jsonRequest("{\"a\":[1,true,null]}", false), 20))
                .isEqualTo(Map.of("a", java.util.Arrays.asList(1, true, null)));
        assertThat(RequestBodies.json(Fakes.jsonRequest(" \n", false), 20)).isNull();
        assertThat(RequestBodies.json(Fakes.jsonRequest("", true), 20)).isNull();
        assertThat(RequestBodies.json(Fakes.jsonRequest("[1,2]", true), 5)).isEqualTo(List.of(1, 2));
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeAnythingIsReadAndAnswers413() {
        String body = "{\"a\":\"" + "x".repeat(100) + "\"}";

        BodyTooLargeException refused = catchThrowableOfType(BodyTooLargeException.class,
                () -> RequestBodies.json(Fakes.jsonRequest(body, false), 64));

        assertThat(refused).hasMessage("the request body is larger than max_body_size, 64 bytes (Content-Length: "
                + body.length() + ")");
        assertThat(Errors.status(refused)).isEqualTo(413);
    }

    @Test
    void aChunkedBodyIsReadOneBytePastTheLimitAndThenRefused() throws IOException {
        assertThat(RequestBodies.json(Fakes.jsonRequest("[" + "1,".repeat(9) + "1]", true), 21)).asList().hasSize(10);
        assertThatThrownBy(() -> RequestBodies.json(Fakes.jsonRequest("[" + "1,".repeat(10) + "1]", true), 21))
                .isInstanceOf(BodyTooLargeException.class)
                .hasMessage("the request body is larger than max_body_size, 21 bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"a\":", "{} x", "[1,]", "nope", "{\"a\" 1}", "\u00ff"})
    void aBodyThatIsNotJsonIsRefusedSayingWhereItBreaks(String body) {
        assertThatThrownBy(() -> RequestBodies.json(Fakes.jsonRequest(body, false), 1 << 20))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("the request body is not JSON: ")
                .hasMessageContaining("(line 1, column ");
    }

    @Test
    void drainingReadsWhatARouteLeftUpToTheLimit() throws IOException {
        var small = Fakes.jsonRequest("x".repeat(100), false);
        var large = Fakes.jsonRequest("x".repeat(100_000), true);

        assertThat(RequestBodies.drain(small, 1000)).isTrue();
        assertThat(RequestBodies.drain(large, 20_000)).isFalse();

        assertThat(small.getInputStream().isFinished()).isTrue();
        assertThat(large.getInputStream().isFinished()).isFalse();
        assertThat(large.getInputStream().readAllBytes()).hasSize(100_000 - 20_001);
    }

    @Test
    void theLimitIsMaxBodySizeAndTheDefaultWhenItIsMissingOrUnusable() {
        assertThat(BodyLimit.of(Fakes.config(Map.of("max_body_size", "65536")))).isEqualTo(65536);
        assertThat(BodyLimit.of(Fakes.config(Map.of("max_body_size", " 10 ")))).isEqualTo(10);
        assertThat(BodyLimit.of(Fakes.config(Map.of()))).isEqualTo(1_048_576);
        assertThat(BodyLimit.of(Fakes.config(Map.of("max_body_size", "0")))).isEqualTo(1_048_576);
        assertThat(BodyLimit.of(Fakes.config(Map.of("max_body_size", "1MB")))).isEqualTo(1_048_576);
    }
}
