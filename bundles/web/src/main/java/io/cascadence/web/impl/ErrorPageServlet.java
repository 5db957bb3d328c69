package io.cascadence.web.impl;

import java.io.IOException;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletErrorPage;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The whiteboard error page for every 4xx and 5xx that Felix HTTP sends itself: chiefly 404 for a path no servlet
 * serves, and 500 when an exception got past {@link JsonErrorsFilter} (Felix has logged it then). It answers every
 * method, since the error dispatch keeps the request's own.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName(ErrorPageServlet.NAME)
@HttpWhiteboardServletErrorPage(errorPage = {"4xx", "5xx"})
public class ErrorPageServlet extends HttpServlet {

    static final String NAME = "cascadence-error-page";

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code
                : response.getStatus();
        String uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String original ? original
                : request.getRequestURI();
        String message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE) instanceof String text ? text : null;
        Json.error(response, status, ErrorDetails.container(status, message, uri, 0));
    }
}
