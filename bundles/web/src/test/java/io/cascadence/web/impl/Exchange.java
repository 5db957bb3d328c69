package io.cascadence.web.impl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cascadence.api.config.CascadenceConfig;
import jakarta.servlet.ReadListener;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;

/**
 * One request to a servlet through the real {@link JsonErrorsFilter}, as the HTTP whiteboard would send it: the
 * query string parsed strictly, refusals answered through {@link Errors}. The request is a stand-in that answers
 * only what a route reads (its method, path, query, headers and body).
 */
final class Exchange {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String method;
    private final String uri;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body = new byte[0];

    private Exchange(String method, String uri) {
        this.method = method;
        this.uri = uri;
    }

    /** @param uri the path and query, such as {@code /tasks/report/schedule?expression=0%209%20*%20*%20*} */
    static Exchange of(String method, String uri) {
        return new Exchange(method, uri);
    }

    Exchange header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    Exchange body(String json) {
        body = json.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** @param prefix the servlet's pattern without its {@code /*}, such as {@code /tasks} */
    Fakes.Response send(Servlet servlet, String prefix) throws IOException {
        JsonErrorsFilter filter = new JsonErrorsFilter();
        inject(filter, "config", config(""));
        Fakes.Response response = new Fakes.Response();
        filter.doFilter(request(prefix), response.proxy, (req, res) -> {
            try {
                servlet.service(req, res);
            } catch (ServletException e) {
                throw new IllegalStateException(e);
            }
        });
        return response;
    }

    static JsonNode json(Fakes.Response response) throws IOException {
        return MAPPER.readTree(response.text());
    }

    /** A configuration that answers {@code hash_secret} and no other key. */
    static CascadenceConfig config(String hashSecret) {
        return (CascadenceConfig) Proxy.newProxyInstance(Exchange.class.getClassLoader(),
                new Class<?>[] {CascadenceConfig.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "hashSecret" -> hashSecret;
                    case "value" -> Optional.empty();
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    /** Sets a component's reference field, as Declarative Services would. */
    static void inject(Object component, String field, Object value) {
        try {
            Field f = component.getClass().getDeclaredField(field);
            f.setAccessible(true);
            f.set(component, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpServletRequest request(String prefix) {
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        String query = q < 0 ? null : uri.substring(q + 1);
        String pathInfo = path.length() > prefix.length() ? path.substring(prefix.length()) : null;
        InputStream in = new ByteArrayInputStream(body);
        ServletInputStream stream = new ServletInputStream() {
            @Override
            public int read() throws IOException {
                return in.read();
            }

            @Override
            public boolean isFinished() {
                return ((ByteArrayInputStream) in).available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        };
        return (HttpServletRequest) Proxy.newProxyInstance(Exchange.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getPathInfo" -> pathInfo;
                    case "getRequestURI" -> path;
                    case "getQueryString" -> query;
                    case "getHeader" -> headers.entrySet().stream()
                            .filter(h -> h.getKey().equalsIgnoreCase((String) args[0]))
                            .map(Map.Entry::getValue).findFirst().orElse(null);
                    case "getContentLengthLong" -> (long) body.length;
                    case "getInputStream" -> stream;
                    case "isAsyncStarted" -> false;
                    case "getProtocol" -> "HTTP/1.1";
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
