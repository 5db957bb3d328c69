package io.cascadence.web.impl;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import io.cascadence.api.Identity;
import io.cascadence.api.InvalidRequestException;
import io.cascadence.api.StageEvents;
import io.cascadence.api.config.CascadenceConfig;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The original's StageStore routes: {@code GET /pipeline/{task}} lists the caller's stage events of a task,
 * {@code GET /pipeline/{task}/audit} its audit events, each oldest first as {@code stages.yml} keeps them. The
 * caller is named as for the pointer routes ({@link CallerIdentity}) and needs a user. The audit route takes the
 * original's {@code user_hash} and {@code group_id} scope parameters: naming a user or group other than the
 * caller's is 403, as there.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cascadence-pipeline")
@HttpWhiteboardServletPattern("/pipeline/*")
public class PipelineServlet extends RoutedServlet {

    static final String USER_SCOPE_DENIED = "cannot access requested user scope";
    static final String GROUP_SCOPE_DENIED = "cannot access requested group scope";

    private static final long serialVersionUID = 1L;
    private static final Routes ROUTES = Routes.of(
            Routes.route("{task}", "GET"),
            Routes.route("{task}/audit", "GET"));

    @Reference
    private transient StageEvents stages;

    @Reference
    private transient CascadenceConfig config;

    @Override
    protected Routes routes() {
        return ROUTES;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> path = Paths.below(request);
        Identity caller = CallerIdentity.of(request);
        if (caller.userId() == null) {
            throw new InvalidRequestException(CallerIdentity.USER_REQUIRED);
        }
        String secret = config.hashSecret();
        String userHash = Identity.hash(secret, caller.userId());
        String groupHash = Identity.hash(secret, caller.groupId());
        StageEvents.Category category = StageEvents.Category.STAGE;
        if (path.size() == 2) {
            category = StageEvents.Category.AUDIT;
            String requestedUser = request.getParameter("user_hash");
            if (requestedUser != null && !Identity.hash(secret, requestedUser.strip()).equals(userHash)) {
                throw new ScopeDeniedException(USER_SCOPE_DENIED);
            }
            String requestedGroup = request.getParameter(CallerIdentity.GROUP_PARAMETER);
            if (requestedGroup != null && !requestedGroup.isBlank()
                    && !Identity.hash(secret, requestedGroup.strip()).equals(groupHash)) {
                throw new ScopeDeniedException(GROUP_SCOPE_DENIED);
            }
        }
        List<Map<String, Object>> events = stages.events(path.get(0), category, userHash, groupHash);
        Json.write(response, HttpServletResponse.SC_OK, events);
    }
}
