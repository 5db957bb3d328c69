package io.cascadence.web.impl;

import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose parameters are those of its query string, parsed by {@link QueryString}. A form body is never
 * parsed: every parameter of the API is a query parameter and every body is JSON, so {@code curl -d '{...}'}
 * (which says it sends a form) still reaches the route as JSON, and a large form costs nothing.
 */
final class QueryParametersRequest extends HttpServletRequestWrapper {

    private final Map<String, String[]> parameters;

    QueryParametersRequest(HttpServletRequest request, Map<String, List<String>> query) {
        super(request);
        Map<String, String[]> copy = new LinkedHashMap<>();
        query.forEach((name, values) -> copy.put(name, values.toArray(String[]::new)));
        this.parameters = Collections.unmodifiableMap(copy);
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters.get(name);
        return values == null ? null : values[0];
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = parameters.get(name);
        return values == null ? null : values.clone();
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters.keySet());
    }
}
