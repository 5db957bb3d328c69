package io.cascadence.web.impl;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A servlet whose paths and methods are its {@link Routes}, so that every servlet refuses the rest alike: a path
 * no route matches is 404, a method its route does not take is 405 with {@code Allow} (also for methods HttpServlet
 * would answer itself: TRACE, which would echo the request's headers back, and unknown ones, which it answers with
 * 501), and OPTIONS is 204 with {@code Allow}. Only what a route takes reaches {@code doGet}, {@code doPost}, ...
 */
abstract class RoutedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The paths below this servlet's prefix and the methods each takes. */
    protected abstract Routes routes();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Optional<Routes.Route> route = routes().match(Paths.below(request));
        if (route.isEmpty()) {
            Json.error(response, HttpServletResponse.SC_NOT_FOUND, ErrorDetails.notFound(request.getRequestURI()));
            return;
        }
        String allow = route.get().allow();
        String method = request.getMethod();
        if ("OPTIONS".equals(method)) {
            response.setHeader("Allow", allow);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        if (!route.get().accepts(method)) {
            response.setHeader("Allow", allow);
            Json.error(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                    ErrorDetails.methodNotAllowed(method, request.getRequestURI(), allow));
            return;
        }
        super.service(request, response);
    }
}
