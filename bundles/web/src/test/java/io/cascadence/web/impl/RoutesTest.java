package io.cascadence.web.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RoutesTest {

    private static final Routes ROUTES = Routes.of(
            Routes.route("", "GET", "POST"),
            Routes.route("{name}/run", "POST"),
            Routes.route("{name}/runs", "GET"));

    @Test
    void aPathMatchesTheRouteWithItsLiteralSegmentsAndAnyNonEmptyVariable() {
        assertThat(ROUTES.match(List.of())).get().extracting(Routes.Route::allow)
                .isEqualTo("GET, HEAD, POST, OPTIONS");
        assertThat(ROUTES.match(List.of("example", "run"))).get().extracting(Routes.Route::allow)
                .isEqualTo("POST, OPTIONS");
        assertThat(ROUTES.match(List.of("example", "runs"))).get().extracting(Routes.Route::allow)
                .isEqualTo("GET, HEAD, OPTIONS");
    }

    @Test
    void unknownPathsMatchNothing() {
        assertThat(ROUTES.match(List.of("example"))).isEmpty();
        assertThat(ROUTES.match(List.of("", "run"))).isEmpty();
        assertThat(ROUTES.match(List.of("example", "run", ""))).isEmpty();
        assertThat(ROUTES.match(List.of("example", "walk"))).isEmpty();
        assertThat(ROUTES.match(List.of("a", "b", "run"))).isEmpty();
    }

    @Test
    void aRouteTakesItsMethodsHeadWhereItTakesGetAndOptionsEverywhereButNothingElse() {
        Routes.Route run = ROUTES.match(List.of("x", "run")).orElseThrow();
        Routes.Route runs = ROUTES.match(List.of("x", "runs")).orElseThrow();

        assertThat(run.accepts("POST")).isTrue();
        assertThat(run.accepts("OPTIONS")).isTrue();
        assertThat(run.accepts("GET")).isFalse();
        assertThat(run.accepts("HEAD")).isFalse();
        assertThat(runs.accepts("HEAD")).isTrue();
        for (String method : List.of("PUT", "DELETE", "PATCH", "TRACE", "CONNECT", "FOO", "post", "")) {
            assertThat(run.accepts(method)).as(method).isFalse();
            assertThat(runs.accepts(method)).as(method).isFalse();
        }
    }

    @Test
    void pathsSplitTheDecodedPathBelowTheServletKeepingEmptySegments() {
        assertThat(Paths.below(Fakes.request(null))).isEmpty();
        assertThat(Paths.below(Fakes.request("/"))).isEmpty();
        assertThat(Paths.below(Fakes.request("/a/run"))).containsExactly("a", "run");
        assertThat(Paths.below(Fakes.request("/a//run/"))).containsExactly("a", "", "run", "");
    }
}
