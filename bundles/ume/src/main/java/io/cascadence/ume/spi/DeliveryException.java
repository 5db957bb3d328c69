package io.cascadence.ume.spi;

/**
 * A batch could not be delivered (the server is down, refused it, or did not acknowledge it in time). The first
 * {@link #delivered()} messages of the batch did arrive; the caller sends the rest again, in order, later.
 */
public class DeliveryException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int delivered;

    /**
     * @param message what went wrong, naming the server
     * @param delivered how many messages at the start of the batch were delivered, 0 or more
     * @param cause the transport's exception, or {@code null}
     */
    public DeliveryException(String message, int delivered, Throwable cause) {
        super(message, cause);
        this.delivered = delivered;
    }

    /** How many messages at the start of the batch were delivered before the failure. */
    public int delivered() {
        return delivered;
    }
}
