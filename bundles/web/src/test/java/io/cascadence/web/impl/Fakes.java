package io.cascadence.web.impl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.cascadence.api.config.CascadenceConfig;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Stand-ins for the servlet and configuration interfaces, which have too many methods to implement by hand; only
 * what the code under test calls answers, anything else fails the test.
 */
final class Fakes {

    private Fakes() {
    }

    /** A request with a path below its servlet, a body and, unless {@code chunked}, a Content-Length. */
    static HttpServletRequest request(String method, String pathInfo, byte[] body, boolean chunked) {
        InputStream in = new ByteArrayInputStream(body);
        ServletInputStream stream = new ServletInputStream() {
            @Override
            public int read() throws java.io.IOException {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                try {
                    return in.available() == 0;
                } catch (java.io.IOException e) {
                    return true;
                }
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
        return (HttpServletRequest) Proxy.newProxyInstance(Fakes.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getPathInfo" -> pathInfo;
                    case "getRequestURI" -> "/tasks" + (pathInfo == null ? "" : pathInfo);
                    case "getContentLengthLong" -> chunked ? -1L : (long) body.length;
                    case "getInputStream" -> stream;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    static HttpServletRequest request(String pathInfo) {
        return request("GET", pathInfo, new byte[0], false);
    }

    static HttpServletRequest jsonRequest(String body, boolean chunked) {
        return request("POST", "/x/run", body.getBytes(StandardCharsets.UTF_8), chunked);
    }

    /** A response that records its status, headers and body. */
    static final class Response {

        int status = 200;
        String contentType;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        final HttpServletResponse proxy = (HttpServletResponse) Proxy.newProxyInstance(
                Fakes.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (p, m, args) -> {
                    switch (m.getName()) {
                        case "setStatus" -> status = (Integer) args[0];
                        case "setContentType" -> contentType = (String) args[0];
                        case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                        case "setCharacterEncoding", "setContentLength" -> {
                            // not asserted
                        }
                        case "getOutputStream" -> {
                            return output();
                        }
                        case "isCommitted" -> {
                            return body.size() > 0;
                        }
                        case "reset" -> {
                            status = 200;
                            contentType = null;
                            headers.clear();
                            body.reset();
                        }
                        default -> throw new UnsupportedOperationException(m.getName());
                    }
                    return null;
                });

        String text() {
            return body.toString(StandardCharsets.UTF_8);
        }

        private ServletOutputStream output() {
            return new ServletOutputStream() {
                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }
    }

    /** A configuration whose {@code value(key)} answers from {@code values}. */
    static CascadenceConfig config(Map<String, String> values) {
        return (CascadenceConfig) Proxy.newProxyInstance(Fakes.class.getClassLoader(),
                new Class<?>[] {CascadenceConfig.class}, (proxy, m, args) -> {
                    if (m.getName().equals("value")) {
                        return Optional.ofNullable(values.get((String) args[0]));
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }
}
