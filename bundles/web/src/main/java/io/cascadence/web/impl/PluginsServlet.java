package io.cascadence.web.impl;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import io.cascadence.api.InvalidRequestException;
import io.cascadence.api.PluginFolders;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The folders plugins are deployed from ({@link PluginFolders}): {@code GET /plugins/folders} lists them,
 * {@code plugins/} first; {@code POST /plugins/folders?path=DIR} deploys the plugins of {@code DIR} too, and
 * {@code DELETE /plugins/folders?path=DIR} stops that, uninstalling its bundles. {@code task watch-plugins DIR} is
 * the one and then the other.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cascadence-plugins")
@HttpWhiteboardServletPattern("/plugins/*")
public class PluginsServlet extends RoutedServlet {

    private static final long serialVersionUID = 1L;
    private static final Routes ROUTES = Routes.of(Routes.route("folders", "GET", "POST", "DELETE"));

    @Reference
    private transient PluginFolders folders;

    @Override
    protected Routes routes() {
        return ROUTES;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Json.write(response, HttpServletResponse.SC_OK, folders.folders().stream().map(Path::toString).toList());
    }

    /** 200 {@code {"status":"watching","path","added"}}; {@code added} is false when it was watched already. */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!fromThisMachine(request, response)) {
            return;
        }
        Path folder = folder(request);
        boolean added = folders.add(folder);
        Json.write(response, HttpServletResponse.SC_OK, answer("watching", folder, added));
    }

    /** 200 {@code {"status":"unwatched","path"}}; 404 when the folder is not watched. */
    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!fromThisMachine(request, response)) {
            return;
        }
        Path folder = folder(request);
        if (!folders.remove(folder)) {
            Json.error(response, HttpServletResponse.SC_NOT_FOUND, "Not a watched folder: " + folder.normalize());
            return;
        }
        Json.write(response, HttpServletResponse.SC_OK, answer("unwatched", folder, null));
    }

    /**
     * A folder added here is code the container runs, read from wherever the container can read: only a client on
     * this machine (which could as well copy the jars into plugins/) may change the folders, whatever address
     * HTTP serves. Others get 403.
     */
    private static boolean fromThisMachine(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (local(request.getRemoteAddr())) {
            return true;
        }
        Json.error(response, HttpServletResponse.SC_FORBIDDEN, "plugin folders can only be changed from the "
                + "machine Cascadence runs on, not from " + request.getRemoteAddr());
        return false;
    }

    /** Whether {@code address} (an IP literal) is one of this machine's: loopback or an interface's. */
    static boolean local(String address) {
        try {
            InetAddress client = InetAddress.getByName(address);
            return client.isLoopbackAddress() || client.isAnyLocalAddress()
                    || NetworkInterface.getByInetAddress(client) != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path folder(HttpServletRequest request) {
        String path = request.getParameter("path");
        if (path == null || path.isBlank()) {
            throw new InvalidRequestException("path query parameter is required: the folder's absolute path");
        }
        try {
            return Path.of(path.strip());
        } catch (InvalidPathException e) {
            throw new InvalidRequestException("path '" + path + "' is not a valid path: " + e.getReason());
        }
    }

    private static Map<String, Object> answer(String status, Path folder, Boolean added) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("path", folder.normalize().toString());
        if (added != null) {
            body.put("added", added);
        }
        return body;
    }
}
