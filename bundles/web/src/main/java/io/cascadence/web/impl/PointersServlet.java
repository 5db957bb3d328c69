package io.cascadence.web.impl;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import io.cascadence.api.CascadenceException;
import io.cascadence.api.Identity;
import io.cascadence.api.Pointer;
import io.cascadence.api.PointerStore;
import io.cascadence.api.UnknownTaskException;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The seed's pointer routes: {@code POST /pointers/{task}?run_id=} adds a pointer for the caller;
 * {@code GET /pointers/{task}} lists the caller's pointers; {@code POST /pointers/{task}/receive?run_id=&user_hash=}
 * stores a pointer received from another instance. The caller is named by the {@code X-User-ID} and
 * {@code X-Group-ID} headers or by the {@code user_id} and {@code group_id} query parameters the seed's README uses
 * ({@link CallerIdentity}).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cascadence-pointers")
@HttpWhiteboardServletPattern("/pointers/*")
public class PointersServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient PointerStore pointers;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> path = Paths.below(request);
        if (path.size() != 1) {
            Json.error(response, HttpServletResponse.SC_NOT_FOUND, "Not found: " + request.getRequestURI());
            return;
        }
        Identity caller = CallerIdentity.of(request);
        if (caller.userId() == null) {
            Json.error(response, HttpServletResponse.SC_BAD_REQUEST, CallerIdentity.USER_REQUIRED);
            return;
        }
        try {
            List<Map<String, Object>> body = pointers.pointers(path.get(0), caller).stream()
                    .map(PointersServlet::describe).toList();
            Json.write(response, HttpServletResponse.SC_OK, body);
        } catch (CascadenceException e) {
            Json.error(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> path = Paths.below(request);
        String runId = request.getParameter("run_id");
        Identity caller = CallerIdentity.of(request);
        try {
            if (path.size() == 1) {
                // The user first, as the original checked identity before parameters.
                if (caller.userId() == null) {
                    Json.error(response, HttpServletResponse.SC_BAD_REQUEST, CallerIdentity.USER_REQUIRED);
                    return;
                }
                require(runId, "run_id");
                pointers.add(path.get(0), runId, caller);
                Json.write(response, HttpServletResponse.SC_OK, Map.of("status", "added"));
            } else if (path.size() == 2 && "receive".equals(path.get(1))) {
                String userHash = request.getParameter("user_hash");
                require(runId, "run_id");
                require(userHash, "user_hash");
                pointers.receive(path.get(0), runId, userHash, caller.groupId());
                Json.write(response, HttpServletResponse.SC_OK, Map.of("status", "stored"));
            } else {
                Json.error(response, HttpServletResponse.SC_NOT_FOUND, "Not found: " + request.getRequestURI());
            }
        } catch (UnknownTaskException e) {
            Json.error(response, HttpServletResponse.SC_NOT_FOUND, e.getMessage());
        } catch (CascadenceException | IllegalArgumentException e) {
            Json.error(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
        }
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " query parameter is required");
        }
    }

    private static Map<String, Object> describe(Pointer pointer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("run_id", pointer.runId());
        body.put("user_hash", pointer.userHash());
        body.put("group_hash", pointer.groupHash());
        return body;
    }
}
