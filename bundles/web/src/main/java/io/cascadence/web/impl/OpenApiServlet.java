package io.cascadence.web.impl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /openapi.json}: the OpenAPI 3 description of every route of this bundle, kept beside the code as
 * {@code openapi.json} and served as it is. A test checks that it is valid and that it lists every route each
 * {@link RoutedServlet} declares, with the same methods.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cascadence-openapi")
@HttpWhiteboardServletPattern(OpenApiServlet.PATH)
public class OpenApiServlet extends RoutedServlet {

    static final String PATH = "/openapi.json";
    /** The document's resource in this bundle. */
    static final String RESOURCE = "/openapi.json";

    private static final long serialVersionUID = 1L;
    private static final Routes ROUTES = Routes.of(Routes.route("", "GET"));

    private transient byte[] document;

    @Activate
    void activate() {
        document = load();
    }

    static byte[] load() {
        try (InputStream in = OpenApiServlet.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the web bundle");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Routes routes() {
        return ROUTES;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(Json.CONTENT_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(document.length);
        response.getOutputStream().write(document);
    }
}
