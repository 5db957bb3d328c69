package io.cascadence.dashboard.impl;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The dashboard's page at {@code /} and its assets at {@code /ui/*}, read from this bundle's {@code ui/} folder:
 * nothing comes from another server, so the page works offline. The page itself holds no data; it calls the REST
 * API as any client does, which is why the web bundle lets these paths through without an API token.
 *
 * <p>The page is the whiteboard's default servlet ({@code /}, the pattern for the context root): any other path no
 * servlet serves is handed back to the container's error page, so it is the API's 404 as before.
 *
 * <p>Assets are answered with a strong {@code ETag} (this bundle's last modification time and the asset's name), so
 * a reload costs a 304 per asset and a new version of the bundle is fetched at once.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cascadence-dashboard")
@HttpWhiteboardServletPattern({"/", DashboardServlet.ASSETS + "/*"})
public class DashboardServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** Where the assets are served, and the folder of this bundle they are read from. */
    static final String ASSETS = "/ui";
    static final String ALLOW = "GET, HEAD, OPTIONS";

    private final Map<String, Asset> cache = new ConcurrentHashMap<>();
    private transient BundleContext bundle;
    private String version;

    @Activate
    void activate(BundleContext context) {
        bundle = context;
        version = Long.toString(context.getBundle().getLastModified(), 36);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = assetName(request.getServletPath(), request.getPathInfo());
        if (name == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            answer(request, response, name, method.equals("HEAD"));
            return;
        }
        response.setHeader("Allow", ALLOW);
        if (method.equals("OPTIONS")) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        error(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Method " + method + " is not allowed on "
                + request.getRequestURI() + "; allowed: " + ALLOW);
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, String name, boolean head)
            throws IOException {
        Asset asset = cache.computeIfAbsent(name, this::load);
        if (asset == Asset.MISSING) {
            error(response, HttpServletResponse.SC_NOT_FOUND, "Not found: " + request.getRequestURI());
            return;
        }
        String tag = "\"" + version + "-" + name.hashCode() + "\"";
        response.setHeader("ETag", tag);
        // The page and its assets change only with the bundle: revalidate each time, which is a 304 until then.
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (name.equals("index.html")) {
            // Only scripts, styles and API calls of this origin; nothing may frame the page (clickjacking).
            response.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; "
                    + "style-src 'self'; frame-ancestors 'none'");
        }
        if (tag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(asset.type());
        response.setContentLength(asset.bytes().length);
        if (!head) {
            response.getOutputStream().write(asset.bytes());
        }
    }

    /**
     * The asset a request names: {@code index.html} for the page ({@code /} or {@code /index.html}), the rest of the
     * path below {@code /ui/}; {@code null} for any other path, and for a name that could leave the folder.
     *
     * @param servletPath the request's servlet path ({@code /ui} for an asset, the whole path otherwise)
     * @param pathInfo the rest of the path, {@code null} when there is none
     */
    static String assetName(String servletPath, String pathInfo) {
        if (ASSETS.equals(servletPath)) {
            if (pathInfo == null || pathInfo.length() < 2 || pathInfo.contains("..") || pathInfo.contains("//")
                    || pathInfo.contains("\\")) {
                return null;
            }
            return pathInfo.substring(1);
        }
        String path = servletPath + (pathInfo == null ? "" : pathInfo);
        return path.equals("/") || path.equals("") || path.equals("/index.html") ? "index.html" : null;
    }

    private Asset load(String name) {
        URL url = bundle.getBundle().getEntry("ui/" + name);
        if (url == null) {
            return Asset.MISSING;
        }
        try (InputStream in = url.openStream()) {
            return new Asset(in.readAllBytes(), type(name));
        } catch (IOException e) {
            return Asset.MISSING;
        }
    }

    static String type(String name) {
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return switch (extension) {
            case "html" -> "text/html; charset=utf-8";
            case "js" -> "text/javascript; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "svg" -> "image/svg+xml";
            case "map", "json" -> "application/json";
            case "png" -> "image/png";
            default -> "application/octet-stream";
        };
    }

    private static void error(HttpServletResponse response, int status, String detail) throws IOException {
        byte[] body = ("{\"status\":" + status + ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\"}").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** An asset's bytes and content type. */
    record Asset(byte[] bytes, String type) {
        static final Asset MISSING = new Asset(new byte[0], "");
    }
}
