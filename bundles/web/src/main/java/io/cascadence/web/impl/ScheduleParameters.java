package io.cascadence.web.impl;

import io.cascadence.api.Identity;
import io.cascadence.api.InvalidRequestException;
import io.cascadence.api.schedule.CronExpression;
import io.cascadence.api.schedule.InvalidScheduleException;
import io.cascadence.api.schedule.MisfirePolicy;
import io.cascadence.api.schedule.OverlapPolicy;
import io.cascadence.api.schedule.Schedule;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A schedule as a request asks for it: the cron expression from the query parameter the route names, and the
 * optional {@code timezone}, {@code misfire} and {@code overlap} parameters. Everything is parsed before anything
 * is changed, so a refusal (400 naming the parameter or field and what it accepts) leaves no trace.
 */
final class ScheduleParameters {

    static final String EXPRESSION = "expression";
    static final String TIMEZONE = "timezone";
    static final String MISFIRE = "misfire";
    static final String OVERLAP = "overlap";

    private final CronExpression expression;
    private final String zone;
    private final MisfirePolicy misfire;
    private final OverlapPolicy overlap;

    private ScheduleParameters(CronExpression expression, String zone, MisfirePolicy misfire,
            OverlapPolicy overlap) {
        this.expression = expression;
        this.zone = zone;
        this.misfire = misfire;
        this.overlap = overlap;
    }

    /**
     * @param expressionParameter the query parameter holding the expression ({@code expression}, or {@code schedule}
     *        for {@code POST /tasks})
     * @throws InvalidRequestException when the expression is missing, naming the parameter and what it takes
     * @throws InvalidScheduleException when a value is not accepted, naming the parameter, the field and what it takes
     */
    static ScheduleParameters parse(HttpServletRequest request, String expressionParameter) {
        String text = request.getParameter(expressionParameter);
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException(expressionParameter + " query parameter is required: a cron expression "
                    + "of five fields (minute hour day-of-month month day-of-week) such as '0 9 * * MON-FRI', or "
                    + "@yearly, @monthly, @weekly, @daily or @hourly");
        }
        CronExpression expression;
        try {
            expression = CronExpression.parse(text);
        } catch (InvalidScheduleException e) {
            // The message names the field; where the parameter is not called "expression", name it too.
            throw EXPRESSION.equals(expressionParameter) ? e
                    : new InvalidScheduleException(expressionParameter + ": " + e.getMessage());
        }
        String zone = request.getParameter(TIMEZONE);
        Schedule.zone(zone); // refused now, before anything is registered or kept
        return new ScheduleParameters(expression, zone, MisfirePolicy.parse(request.getParameter(MISFIRE)),
                OverlapPolicy.parse(request.getParameter(OVERLAP)));
    }

    /** Whether the request names a schedule in {@code expressionParameter} at all. */
    static boolean present(HttpServletRequest request, String expressionParameter) {
        String text = request.getParameter(expressionParameter);
        return text != null && !text.isBlank();
    }

    /** The schedule of {@code taskName}, for whom the request says (its identity headers). */
    Schedule forTask(String taskName, Identity identity) {
        return new Schedule(taskName, expression, Schedule.zone(zone), identity, misfire, overlap);
    }
}
