package io.cascadence.web.impl;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import io.cascadence.api.Identity;
import io.cascadence.api.Idea;
import io.cascadence.api.IdeaStore;
import io.cascadence.api.InvalidRequestException;
import io.cascadence.api.config.CascadenceConfig;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The original's {@code ai-idea} over HTTP: {@code POST /ideas} keeps an idea (the JSON body {@code {"text": ...}},
 * or {@code ?text=}) for the caller named by {@code X-User-ID} and {@code X-Group-ID}, in {@code ideas.yml} before
 * the answer, and publishes it as an idea seed; {@code GET /ideas} lists the caller's ideas.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cascadence-ideas")
@HttpWhiteboardServletPattern("/ideas")
public class IdeasServlet extends RoutedServlet {

    static final String TEXT = "text";

    private static final long serialVersionUID = 1L;
    private static final Routes ROUTES = Routes.of(Routes.route("", "GET", "POST"));

    @Reference
    private transient IdeaStore ideas;

    @Reference
    private transient CascadenceConfig config;

    @Override
    protected Routes routes() {
        return ROUTES;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<Map<String, Object>> body = ideas.ideas(caller(request)).stream().map(IdeasServlet::describe).toList();
        Json.write(response, HttpServletResponse.SC_OK, body);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String text = text(RequestBodies.json(request, BodyLimit.of(config)), request.getParameter(TEXT));
        ideas.add(text, caller(request));
        Json.write(response, HttpServletResponse.SC_OK, Map.of("status", "sent"));
    }

    /** The text the body or {@code text=} gives; exactly one of them must. */
    static String text(Object body, String query) {
        if (body != null && query != null) {
            throw new InvalidRequestException("give the idea once: as the JSON body {\"text\": \"...\"}, or as "
                    + "text=, not both");
        }
        if (query != null) {
            return query;
        }
        if (body instanceof Map<?, ?> map && map.get(TEXT) instanceof String text) {
            return text;
        }
        throw new InvalidRequestException("an idea needs a text: the JSON body {\"text\": \"...\"} (a string), or "
                + "the text query parameter");
    }

    private static Identity caller(HttpServletRequest request) {
        return new Identity(request.getHeader(TasksServlet.USER_HEADER), request.getHeader(TasksServlet.GROUP_HEADER));
    }

    private static Map<String, Object> describe(Idea idea) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", idea.text());
        body.put("user_hash", idea.userHash());
        body.put("group_hash", idea.groupHash());
        return body;
    }
}
