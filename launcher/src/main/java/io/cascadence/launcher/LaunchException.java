package io.cascadence.launcher;

/** The container or the command line cannot start; the message says why and what to do. */
public class LaunchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LaunchException(String message) {
        super(message);
    }

    public LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
