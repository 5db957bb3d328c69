package io.cascadence.api;

/**
 * A request is malformed: its message names what is wrong and what would be accepted. Nothing was changed. The
 * REST API answers it with 400.
 */
public class InvalidRequestException extends CascadenceException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        super(message);
    }
}
