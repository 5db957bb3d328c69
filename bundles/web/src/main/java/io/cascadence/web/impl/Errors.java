package io.cascadence.web.impl;

import java.io.IOException;
import java.util.Map;

import io.cascadence.api.BackendUnavailableException;
import io.cascadence.api.CascadenceException;
import io.cascadence.api.RunRecord;
import io.cascadence.api.RunRejectedException;
import io.cascadence.api.RunStateException;
import io.cascadence.api.StoreFullException;
import io.cascadence.api.StoreUnavailableException;
import io.cascadence.api.TaskFailedException;
import io.cascadence.api.TaskStateException;
import io.cascadence.api.UnknownRunException;
import io.cascadence.api.UnknownTaskException;
import io.cascadence.api.schedule.SchedulingUnsupportedException;
import io.cascadence.api.schedule.UnknownScheduleException;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The one mapping from Cascadence's exceptions to HTTP answers, for every servlet: the status and the JSON body
 * {@code {"status", "detail"}}. A task's own failure is a 400 carrying {@code run_id}, {@code stage} and
 * {@code run_status} (the original answered a failed stage with 400), so that a 5xx always means Cascadence
 * itself cannot serve the request: a missing backend, a full store, a stop in progress. Refusals no service made
 * (unknown paths and methods, requests the container rejects) are worded by {@link ErrorDetails}.
 */
final class Errors {

    /** Seconds a client is told to wait after a 429. */
    static final String RETRY_AFTER_SECONDS = "1";

    private Errors() {
    }

    static int status(CascadenceException e) {
        if (e instanceof UnknownTaskException || e instanceof UnknownRunException
                || e instanceof UnknownScheduleException) {
            return HttpServletResponse.SC_NOT_FOUND;
        }
        if (e instanceof TaskStateException || e instanceof RunStateException
                || e instanceof SchedulingUnsupportedException) {
            return HttpServletResponse.SC_CONFLICT;
        }
        if (e instanceof RunRejectedException rejected) {
            return rejected.reason() == RunRejectedException.Reason.QUEUE_FULL ? 429
                    : HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        }
        if (e instanceof BackendUnavailableException || e instanceof StoreUnavailableException
                || e instanceof SchedulesUnavailableException) {
            return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        }
        if (e instanceof TaskFailedException failed) {
            return RunRecord.INTERRUPTED.equals(failed.status()) ? HttpServletResponse.SC_SERVICE_UNAVAILABLE
                    : HttpServletResponse.SC_BAD_REQUEST;
        }
        if (e instanceof ScopeDeniedException) {
            return HttpServletResponse.SC_FORBIDDEN;
        }
        if (e instanceof StoreFullException) {
            return 507;
        }
        if (e instanceof BodyTooLargeException) {
            return HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE;
        }
        if (e instanceof WebhookException webhook) {
            return webhook.status();
        }
        // InvalidRequestException (InvalidScheduleException too), and the root type itself, which the stores use for input they refuse.
        return HttpServletResponse.SC_BAD_REQUEST;
    }

    static void write(HttpServletResponse response, CascadenceException e) throws IOException {
        write(response, e, e.getMessage());
    }

    /** The answer to {@code e}, with a detail that says more than its message (what was done before it). */
    static void write(HttpServletResponse response, CascadenceException e, String detail) throws IOException {
        int status = status(e);
        Map<String, Object> body = Json.error(status, detail);
        if (e instanceof TaskFailedException failed) {
            body.put("run_id", failed.runId());
            body.put("stage", failed.stage());
            body.put("run_status", failed.status());
        }
        if (status == 429) {
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        }
        Json.write(response, status, body);
    }
}
