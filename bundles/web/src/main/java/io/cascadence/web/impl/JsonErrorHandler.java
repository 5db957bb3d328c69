package io.cascadence.web.impl;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error handler for the whole server: what Jetty refuses before any servlet runs (a malformed request
 * line, an ambiguous or badly escaped URI, {@code %00}, a URI or header block over the limit) and any error a
 * servlet context leaves to Jetty are answered with the same {@code {"status", "detail"}} as the rest of the API
 * instead of Jetty's HTML page, for every method.
 */
final class JsonErrorHandler extends ErrorHandler {

    private static final HttpField CONTENT_TYPE = new HttpField(HttpHeader.CONTENT_TYPE,
            Json.CONTENT_TYPE + ";charset=utf-8");

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) throws IOException {
        int status = ErrorDetails.status(code);
        int headerLimit = request.getConnectionMetaData().getHttpConfiguration().getRequestHeaderSize();
        // A request Jetty could not parse carries a stand-in URI (/badMessage, /badURI), worth nothing to a client.
        String uri = code == 404 || code == 405 ? request.getHttpURI().getPathQuery() : null;
        String detail = ErrorDetails.container(status, ErrorDetails.firstUsable(message, cause), uri, headerLimit);
        byte[] body = Json.bytes(Json.error(status, detail));
        response.setStatus(status);
        response.getHeaders().put(CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        // Jetty does not strip the body of an error it answers before any context: a HEAD answer must not have one.
        // (A request line Jetty cannot parse at all reaches here as GET; it closes that connection after the answer.)
        boolean head = HttpMethod.HEAD.is(request.getMethod());
        response.write(true, head ? BufferUtil.EMPTY_BUFFER : ByteBuffer.wrap(body), callback);
    }

    /** The body Jetty sends when it cannot even build a request to call {@link #handle} with. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        try {
            int answered = ErrorDetails.status(status);
            byte[] body = Json.bytes(Json.error(answered, ErrorDetails.container(answered, reason, null, 0)));
            fields.put(CONTENT_TYPE);
            return ByteBuffer.wrap(body);
        } catch (IOException e) {
            return super.badMessageError(status, reason, fields);
        }
    }
}
