package io.cascadence.api.schedule;

import io.cascadence.api.InvalidRequestException;

/**
 * A cron expression, time zone, policy or dependency list is not accepted. The message names the part that is
 * wrong (for a cron expression, the field) and what would be accepted; nothing was changed or written. The REST API
 * answers it with 400.
 */
public class InvalidScheduleException extends InvalidRequestException {

    private static final long serialVersionUID = 1L;

    public InvalidScheduleException(String message) {
        super(message);
    }
}
