package io.cascadence.web.impl;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.cascadence.api.Identity;
import io.cascadence.api.schedule.Schedule;
import io.cascadence.api.schedule.ScheduleInfo;

/**
 * A schedule as the REST API shows it ({@code GET /schedules}, and the answer to {@code POST .../schedule}). Times
 * are ISO-8601 in UTC; the identity is shown hashed, as everywhere else, never as given.
 */
final class ScheduleJson {

    /** {@code timezone_source} of a schedule with a zone of its own. */
    static final String OWN_ZONE = "schedule";
    /** {@code timezone_source} of a schedule that follows the scheduler's {@code timezone}. */
    static final String SCHEDULER_ZONE = "scheduler";

    private ScheduleJson() {
    }

    /**
     * {@code {"task", "expression", "timezone", "timezone_source", "misfire", "overlap", "source", "state",
     * "next_fire_at", "user_hash"?, "group_hash"?}}.
     *
     * @param secret {@code hash_secret}, for the identity's hashes
     */
    static Map<String, Object> describe(ScheduleInfo info, String secret) {
        Schedule schedule = info.schedule();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("task", schedule.taskName());
        body.put("expression", schedule.expression().text());
        body.put("timezone", info.zone() == null ? null : info.zone().getId());
        body.put("timezone_source", schedule.zone() == null ? SCHEDULER_ZONE : OWN_ZONE);
        body.put("misfire", schedule.misfire().configName());
        body.put("overlap", schedule.overlap().configName());
        body.put("source", info.source());
        body.put("state", info.state());
        body.put("next_fire_at", text(info.nextFireAt()));
        Identity identity = schedule.identity();
        if (identity.userId() != null) {
            body.put("user_hash", Identity.hash(secret, identity.userId()));
        }
        if (identity.groupId() != null) {
            body.put("group_hash", Identity.hash(secret, identity.groupId()));
        }
        return body;
    }

    /** The answer to {@code POST /tasks/{name}/schedule}: the original's two keys first, then the schedule. */
    static Map<String, Object> scheduled(ScheduleInfo info, String secret) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "scheduled");
        body.put("expression", info.schedule().expression().text());
        body.putAll(describe(info, secret));
        return body;
    }

    private static String text(Instant time) {
        return time == null ? null : time.toString();
    }
}
