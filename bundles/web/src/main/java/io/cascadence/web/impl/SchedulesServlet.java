package io.cascadence.web.impl;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import io.cascadence.api.config.CascadenceConfig;
import io.cascadence.api.schedule.ScheduleInfo;
import io.cascadence.api.schedule.Schedules;
import io.cascadence.api.schedule.UnknownScheduleException;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /schedules}: every schedule, whatever its state, ordered by task; {@code GET /schedules/{task}}: one.
 * Setting and removing a schedule are routes of its task ({@code /tasks/{name}/schedule}, {@link TasksServlet}).
 * The {@link Schedules} service may come and go with the scheduler bundle: without it these answer 503.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cascadence-schedules")
@HttpWhiteboardServletPattern({"/schedules", "/schedules/*"})
public class SchedulesServlet extends RoutedServlet {

    private static final long serialVersionUID = 1L;
    private static final Routes ROUTES = Routes.of(
            Routes.route("", "GET"),
            Routes.route("{task}", "GET"));

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile Schedules schedules;

    @Reference
    private transient CascadenceConfig config;

    @Override
    protected Routes routes() {
        return ROUTES;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Schedules book = SchedulesUnavailableException.require(schedules);
        List<String> path = Paths.below(request);
        if (path.isEmpty()) {
            List<Map<String, Object>> body = book.schedules().stream()
                    .map(info -> ScheduleJson.describe(info, config.hashSecret())).toList();
            Json.write(response, HttpServletResponse.SC_OK, body);
            return;
        }
        String task = path.get(0);
        ScheduleInfo info = book.schedule(task).orElseThrow(() -> new UnknownScheduleException(task));
        Json.write(response, HttpServletResponse.SC_OK, ScheduleJson.describe(info, config.hashSecret()));
    }
}
