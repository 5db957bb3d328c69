package io.cascadence.web.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.cascadence.api.InvalidRequestException;

class QueryStringTest {

    @Test
    void decodesEscapesPlusAndUtf8AndKeepsRepeatedParametersInOrder() {
        Map<String, List<String>> query = QueryString.parse(
                "path=io.x%3Aio.x.Task&schedule=*/5+*+*+*+*&status=error&status=timed_out&name=caf%C3%A9&empty=&flag");

        assertThat(query).containsExactly(
                Map.entry("path", List.of("io.x:io.x.Task")),
                Map.entry("schedule", List.of("*/5 * * * *")),
                Map.entry("status", List.of("error", "timed_out")),
                Map.entry("name", List.of("café")),
                Map.entry("empty", List.of("")),
                Map.entry("flag", List.of("")));
    }

    @Test
    void noQueryEmptyPairsAndNamelessValuesGiveNoParameters() {
        assertThat(QueryString.parse(null)).isEmpty();
        assertThat(QueryString.parse("")).isEmpty();
        assertThat(QueryString.parse("&&=orphan&")).isEmpty();
    }

    @Test
    void rawNonAsciiTextIsKeptAsIs() {
        assertThat(QueryString.parse("name=caf\u00e9+\ud83d\ude00"))
                .containsEntry("name", List.of("caf\u00e9 \ud83d\ude00"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "status=%zz          | query parameter 'status' has a malformed percent-escape '%zz'",
        "status=abc%         | query parameter 'status' has a malformed percent-escape '%'",
        "status=abc%4        | query parameter 'status' has a malformed percent-escape '%4'",
        "st%g1tus=x          | query parameter 'st%g1tus' has a malformed percent-escape '%g1'",
        "limit=%\u0663\u0663 | query parameter 'limit' has a malformed percent-escape",
        "name=%C3%28         | query parameter 'name' is not UTF-8 once its percent-escapes are decoded",
        "name=%FF            | query parameter 'name' is not UTF-8",
        "name=%ED%A0%80      | query parameter 'name' is not UTF-8",
        "path=a%00b          | query parameter 'path' contains a control character (U+0000)",
        "path=a%0Ab          | query parameter 'path' contains a control character (U+000A)",
        "path=a%7F           | query parameter 'path' contains a control character (U+007F)",
        "path=a%C2%85        | query parameter 'path' contains a control character (U+0085)",
        "a%00=1              | query parameter 'a%00' contains a control character (U+0000)"})
    void malformedParametersAreRefusedNamingTheParameterAndTheProblem(String raw, String message) {
        assertThatThrownBy(() -> QueryString.parse(raw.strip()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith(message.strip());
    }

    @Test
    void aLongParameterNameIsQuotedShort() {
        String name = "n".repeat(500);

        assertThatThrownBy(() -> QueryString.parse(name + "=%zz"))
                .hasMessageStartingWith("query parameter '" + "n".repeat(60) + "...' has a malformed");
    }

    @Test
    void theRequestHandsOutOnlyQueryParameters() {
        QueryParametersRequest request = new QueryParametersRequest(Fakes.request("/"),
                QueryString.parse("status=error&status=cancelled&task=t"));

        assertThat(request.getParameter("status")).isEqualTo("error");
        assertThat(request.getParameterValues("status")).containsExactly("error", "cancelled");
        assertThat(request.getParameter("missing")).isNull();
        assertThat(request.getParameterValues("missing")).isNull();
        assertThat(request.getParameterMap()).containsOnlyKeys("status", "task");
        assertThat(java.util.Collections.list(request.getParameterNames())).containsExactly("status", "task");
    }
}
