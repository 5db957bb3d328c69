package io.cascadence.api;

/** The root of every error Cascadence reports. Its message is meant for the user who caused it. */
public class CascadenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CascadenceException(String message) {
        super(message);
    }

    public CascadenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
