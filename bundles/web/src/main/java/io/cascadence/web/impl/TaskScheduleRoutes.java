package io.cascadence.web.impl;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.cascadence.api.Identity;
import io.cascadence.api.InvalidRequestException;
import io.cascadence.api.config.CascadenceConfig;
import io.cascadence.api.schedule.ScheduleInfo;
import io.cascadence.api.schedule.Schedules;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The schedule routes below {@code /tasks/{name}}, for {@link TasksServlet}: {@code POST .../schedule},
 * {@code DELETE .../schedule} and {@code POST .../dependencies}, over the {@link Schedules} service, which may come
 * and go: without it they answer 503 ({@link SchedulesUnavailableException}). Refusals are thrown and answered by
 * {@link JsonErrorsFilter} through {@link Errors}.
 */
final class TaskScheduleRoutes {

    static final String DEPENDENCIES_PARAMETER = "deps";

    private final Supplier<Schedules> schedules;
    private final CascadenceConfig config;

    /** @param schedules the service now, or {@code null} while there is none */
    TaskScheduleRoutes(Supplier<Schedules> schedules, CascadenceConfig config) {
        this.schedules = schedules;
        this.config = config;
    }

    /** The service, or a 503 saying why there is none. */
    Schedules schedules() {
        return SchedulesUnavailableException.require(schedules.get());
    }

    /**
     * {@code POST /tasks/{name}/schedule?expression=[&timezone=][&misfire=][&overlap=]}: sets the task's schedule,
     * for whom the identity headers say. 200 with the schedule and its next fire time.
     */
    void schedule(HttpServletRequest request, HttpServletResponse response, String name) throws IOException {
        ScheduleParameters asked = ScheduleParameters.parse(request, ScheduleParameters.EXPRESSION);
        ScheduleInfo kept = schedules().schedule(asked.forTask(name, identity(request)));
        Json.write(response, HttpServletResponse.SC_OK, ScheduleJson.scheduled(kept, config.hashSecret()));
    }

    /** {@code DELETE /tasks/{name}/schedule}: 200 {@code {"status": "unscheduled", "name"}}. */
    void unschedule(HttpServletResponse response, String name) throws IOException {
        schedules().unschedule(name);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "unscheduled");
        body.put("name", name);
        Json.write(response, HttpServletResponse.SC_OK, body);
    }

    /**
     * {@code POST /tasks/{name}/dependencies} with a JSON list of task names as the body, or {@code ?deps=A,B}: the
     * tasks that run before it under the {@code dag} backend; an empty list removes them. 200
     * {@code {"status": "updated", "name", "dependencies"}}; a cycle is 400 naming it.
     */
    void dependencies(HttpServletRequest request, HttpServletResponse response, String name) throws IOException {
        Object body = RequestBodies.json(request, BodyLimit.of(config));
        String query = request.getParameter(DEPENDENCIES_PARAMETER);
        List<String> prerequisites = prerequisites(body, query);
        schedules().setDependencies(name, prerequisites);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "updated");
        answer.put("name", name);
        answer.put("dependencies", prerequisites);
        Json.write(response, HttpServletResponse.SC_OK, answer);
    }

    /** The list the body or {@code deps} gives; exactly one of them must. */
    static List<String> prerequisites(Object body, String query) {
        if (body != null && query != null) {
            throw new InvalidRequestException("give the dependencies once: as a JSON list in the body, or as deps=, "
                    + "not both");
        }
        if (query != null) {
            return Arrays.stream(query.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        if (!(body instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw new InvalidRequestException("dependencies are required: a JSON list of task names as the body, "
                    + "such as [\"extract\", \"load\"], or the deps query parameter, such as deps=extract,load; "
                    + "an empty list removes them");
        }
        List<String> names = new ArrayList<>();
        list.forEach(n -> names.add(((String) n).strip()));
        return List.copyOf(names);
    }

    /** Who the schedule's runs are for: the identity headers, as for a run. */
    static Identity identity(HttpServletRequest request) {
        return new Identity(request.getHeader(TasksServlet.USER_HEADER), request.getHeader(TasksServlet.GROUP_HEADER));
    }
}
