package io.cascadence.metrics.impl;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /metrics} on the HTTP port. The web bundle's JSON filter stands in front of it as of every servlet (a
 * malformed query string is its 400, a path below {@code /metrics} its 404); this answers OPTIONS with 204 and
 * {@code Allow}, and any method but GET, HEAD and OPTIONS with 405 and {@code Allow}, as every route does.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cascadence-metrics")
@HttpWhiteboardServletPattern(HttpAnswers.PATH)
public class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient Exposition exposition;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String method = request.getMethod();
        if (HttpAnswers.scrape(method)) {
            super.service(request, response); // HEAD: HttpServlet answers doGet's headers without its body
            return;
        }
        response.setHeader("Allow", HttpAnswers.ALLOW);
        if ("OPTIONS".equals(method)) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        write(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, HttpAnswers.JSON,
                HttpAnswers.methodNotAllowed(method, request.getRequestURI()));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Written whole before anything is sent, so that a collector that fails leaves a clean JSON 500.
        StringWriter text = new StringWriter(16 * 1024);
        exposition.write(text);
        write(response, HttpServletResponse.SC_OK, Exposition.CONTENT_TYPE, text.toString());
    }

    private static void write(HttpServletResponse response, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
