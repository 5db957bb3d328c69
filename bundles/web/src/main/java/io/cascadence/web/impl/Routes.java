package io.cascadence.web.impl;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The paths below one servlet's prefix and the methods each takes. A pattern is a path such as
 * {@code {name}/run}, where a {@code {...}} segment stands for any one non-empty segment and {@code ""} for the
 * prefix itself.
 */
final class Routes {

    private final List<Route> routes;

    private Routes(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    static Routes of(Route... routes) {
        return new Routes(List.of(routes));
    }

    static Route route(String pattern, String... methods) {
        List<String> segments = pattern.isEmpty() ? List.of() : List.of(pattern.split("/", -1));
        return new Route(segments, new LinkedHashSet<>(List.of(methods)));
    }

    /** Every route, in the order they match. */
    List<Route> all() {
        return routes;
    }

    /** The route of a path split into its segments, if any matches. */
    Optional<Route> match(List<String> segments) {
        return routes.stream().filter(r -> r.matches(segments)).findFirst();
    }

    /**
     * One path and the methods it takes. HEAD is taken wherever GET is, and OPTIONS everywhere.
     *
     * @param pattern the path's segments; {@code {...}} stands for any non-empty segment
     * @param methods the methods it takes, in the order {@code Allow} lists them
     */
    record Route(List<String> pattern, Set<String> methods) {

        boolean matches(List<String> segments) {
            if (segments.size() != pattern.size()) {
                return false;
            }
            for (int i = 0; i < segments.size(); i++) {
                String wanted = pattern.get(i);
                boolean variable = wanted.startsWith("{") && wanted.endsWith("}");
                if (variable ? segments.get(i).isEmpty() : !wanted.equals(segments.get(i))) {
                    return false;
                }
            }
            return true;
        }

        boolean accepts(String method) {
            return allowed().contains(method);
        }

        /** The value of the {@code Allow} header: every method this path takes. */
        String allow() {
            return String.join(", ", allowed());
        }

        private Set<String> allowed() {
            Set<String> allowed = new LinkedHashSet<>();
            for (String method : methods) {
                allowed.add(method);
                if ("GET".equals(method)) {
                    allowed.add("HEAD");
                }
            }
            allowed.add("OPTIONS");
            return allowed;
        }
    }
}
