package io.cascadence.web.impl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorDetailsTest {

    @Test
    void oversizedRequestsNameTheLimit() {
        assertThat(ErrorDetails.container(431, "Request Header Fields Too Large", "/badMessage", 16384))
                .isEqualTo("the request headers are larger than 16384 bytes");
        assertThat(ErrorDetails.container(414, null, null, 16384))
                .isEqualTo("the request URI is longer than 16384 bytes");
        assertThat(ErrorDetails.container(414, null, null, 0)).isEqualTo("the request URI is longer than the server "
                + "accepts");
    }

    @Test
    void aMalformedRequestPassesOnWhatJettySaysUnlessItIsOnlyTheReasonPhrase() {
        assertThat(ErrorDetails.container(400, "Ambiguous URI path separator", null, 0))
                .isEqualTo("the request is malformed: Ambiguous URI path separator");
        assertThat(ErrorDetails.container(400, "400: No Host", null, 0)).isEqualTo("the request is malformed: No Host");
        assertThat(ErrorDetails.container(400, "Bad Request", null, 0))
                .isEqualTo("the request is malformed (its request line, URI or a header)");
        assertThat(ErrorDetails.container(400, "java.lang.IllegalArgumentException: x", null, 0))
                .isEqualTo("the request is malformed (its request line, URI or a header)");
        assertThat(ErrorDetails.container(400, "x".repeat(201), null, 0))
                .isEqualTo("the request is malformed (its request line, URI or a header)");
    }

    @Test
    void theCauseSpeaksWhenTheMessageDoesNot() {
        Throwable cause = new RuntimeException("400: Bad Request",
                new IllegalArgumentException("Bad URI % encoding"));

        assertThat(ErrorDetails.firstUsable("Bad Request", cause)).isEqualTo("Bad URI % encoding");
        assertThat(ErrorDetails.firstUsable("Unknown Version", cause)).isEqualTo("Unknown Version");
        assertThat(ErrorDetails.firstUsable(null, null)).isNull();
        assertThat(ErrorDetails.firstUsable(null, new IllegalArgumentException("!hex z")))
                .isEqualTo("a malformed percent-escape; expected % and two hex digits, such as %2F");
        assertThat(ErrorDetails.firstUsable("!utf8", null)).isNull();
    }

    @Test
    void jettysServerErrorsForTheRequestsOwnFaultsBecome400() {
        assertThat(ErrorDetails.status(505)).isEqualTo(400);
        assertThat(ErrorDetails.status(501)).isEqualTo(400);
        assertThat(ErrorDetails.status(500)).isEqualTo(500);
        assertThat(ErrorDetails.status(503)).isEqualTo(503);
        assertThat(ErrorDetails.status(431)).isEqualTo(431);
    }

    @Test
    void serverErrorsSayNothingOfTheirCause() {
        assertThat(ErrorDetails.container(500, "java.lang.NoClassDefFoundError: IllegalName: a/b/C", "/tasks", 0))
                .isEqualTo("internal error; the container log has the details");
        assertThat(ErrorDetails.container(503, "Service Unavailable", "/tasks", 0))
                .startsWith("Cascadence cannot serve requests now");
    }

    @Test
    void unknownPathsAndMethodsNameThePath() {
        assertThat(ErrorDetails.container(404, null, "/nope", 0)).isEqualTo("Not found: /nope");
        assertThat(ErrorDetails.notFound("/tasks/x")).isEqualTo("Not found: /tasks/x");
        assertThat(ErrorDetails.methodNotAllowed("PUT", "/tasks", "GET, HEAD, POST, OPTIONS"))
                .isEqualTo("Method PUT is not allowed on /tasks; it accepts GET, HEAD, POST, OPTIONS");
        assertThat(ErrorDetails.container(418, "I'm a teapot", null, 0))
                .isEqualTo("the request is refused (HTTP 418): I'm a teapot");
    }
}
