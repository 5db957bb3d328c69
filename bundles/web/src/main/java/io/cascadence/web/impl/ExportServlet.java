package io.cascadence.web.impl;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import io.cascadence.api.InvalidRequestException;
import io.cascadence.api.N8nExport;
import io.cascadence.web.impl.n8n.BaseUrl;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /export/n8n}: the registered tasks as an n8n workflow ({@link N8nExport}), offered as the attachment
 * {@code cascadence-n8n.json}. Its HTTP Request nodes call this container where the request reached it (its
 * scheme, host and port), unless {@code ?base_url=} names another address (a proxy, the address n8n sees).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cascadence-export")
@HttpWhiteboardServletPattern("/export/*")
public class ExportServlet extends RoutedServlet {

    static final String BASE_URL = "base_url";

    private static final long serialVersionUID = 1L;
    private static final Routes ROUTES = Routes.of(Routes.route("n8n", "GET"));

    @Reference
    private transient N8nExport export;

    @Override
    protected Routes routes() {
        return ROUTES;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String given = request.getParameter(BASE_URL);
        String base = given != null ? BaseUrl.parse(BASE_URL, given) : ownBase(request);
        byte[] body = export.workflow(URI.create(base)).getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(Json.CONTENT_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + N8nExport.FILE_NAME + "\"");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Where the request reached this container: its scheme, host (from {@code Host}), port and context path. */
    static String ownBase(HttpServletRequest request) {
        String host = request.getServerName().replaceAll("^\\[(.*)]$", "$1");
        try {
            return BaseUrl.check("the request's address", new URI(request.getScheme(), null, host,
                    request.getServerPort(), request.getContextPath().isEmpty() ? null : request.getContextPath(),
                    null, null));
        } catch (URISyntaxException e) {
            throw new InvalidRequestException("the request's Host '" + request.getServerName() + "' is not a host "
                    + "name; pass base_url= to say where n8n reaches Cascadence");
        }
    }
}
