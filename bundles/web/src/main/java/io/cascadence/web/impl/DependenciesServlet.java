package io.cascadence.web.impl;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import io.cascadence.api.schedule.Schedules;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /dependencies}: the task graph the {@code dag} backend runs by, {@code {"task": ["prerequisite", …]}}
 * for each task that declares prerequisites (in {@code schedules.yml} through
 * {@code POST /tasks/{name}/dependencies}, or by its service's {@code cascadence.task.dependencies}), ordered by
 * task. Whatever the backend, so that a graph can be checked before switching to {@code dag}. 503 without the
 * scheduler bundle.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cascadence-dependencies")
@HttpWhiteboardServletPattern("/dependencies")
public class DependenciesServlet extends RoutedServlet {

    private static final long serialVersionUID = 1L;
    private static final Routes ROUTES = Routes.of(Routes.route("", "GET"));

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile Schedules schedules;

    @Override
    protected Routes routes() {
        return ROUTES;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, List<String>> graph = new TreeMap<>(SchedulesUnavailableException.require(schedules).dependencies());
        Json.write(response, HttpServletResponse.SC_OK, graph);
    }
}
