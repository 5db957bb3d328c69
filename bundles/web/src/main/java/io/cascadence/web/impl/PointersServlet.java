package io.cascadence.web.impl;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import io.cascadence.api.Identity;
import io.cascadence.api.InvalidRequestException;
import io.cascadence.api.Pointer;
import io.cascadence.api.PointerStore;
import jakarta.servlet.Servlet;
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
public class PointersServlet extends RoutedServlet {

    private static final long serialVersionUID = 1L;
    private static final Routes ROUTES = Routes.of(
            Routes.route("{task}", "GET", "POST"),
            Routes.route("{task}/receive", "POST"));

    /** The longest run id a received pointer may carry (ours are 36 characters, nested ones a few more). */
    static final int MAX_RUN_ID = 200;
    private static final Pattern USER_HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern TASK_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    @Reference
    private transient PointerStore pointers;

    @Override
    protected Routes routes() {
        return ROUTES;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Identity caller = CallerIdentity.of(request);
        if (caller.userId() == null) {
            throw new InvalidRequestException(CallerIdentity.USER_REQUIRED);
        }
        List<Map<String, Object>> body = pointers.pointers(Paths.below(request).get(0), caller).stream()
                .map(PointersServlet::describe).toList();
        Json.write(response, HttpServletResponse.SC_OK, body);
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
                    throw new InvalidRequestException(CallerIdentity.USER_REQUIRED);
                }
                require(runId, "run_id");
                pointers.add(path.get(0), runId, caller);
                Json.write(response, HttpServletResponse.SC_OK, Map.of("status", "added"));
            } else {
                String userHash = request.getParameter("user_hash");
                require(runId, "run_id");
                require(userHash, "user_hash");
                checkReceived(path.get(0), runId.strip(), userHash.strip());
                pointers.receive(path.get(0), runId, userHash, caller.groupId());
                Json.write(response, HttpServletResponse.SC_OK, Map.of("status", "stored"));
            }
        } catch (IllegalArgumentException e) {
            // The PointerStore says what input it is missing this way.
            throw new InvalidRequestException(e.getMessage());
        }
    }

    /**
     * What another instance may store here: a task name as tasks are named, a run id of reasonable length and a user
     * already hashed. The store bounds how many it keeps ({@link PointerStore#receive}).
     */
    static void checkReceived(String task, String runId, String userHash) {
        if (!TASK_NAME.matcher(task).matches()) {
            throw new InvalidRequestException("'" + (task.length() > 100 ? task.substring(0, 100) + "…" : task)
                    + "' is not a task name: 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or "
                    + "digit");
        }
        if (runId.length() > MAX_RUN_ID) {
            throw new InvalidRequestException("run_id is " + runId.length() + " characters long; at most "
                    + MAX_RUN_ID + " are accepted");
        }
        if (!USER_HASH.matcher(userHash).matches()) {
            throw new InvalidRequestException("user_hash must be 64 lowercase hexadecimal digits (the SHA-256 "
                    + "hash another instance sends), not '" + (userHash.length() > 70 ? userHash.substring(0, 70)
                    + "…" : userHash) + "'");
        }
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(name + " query parameter is required");
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
