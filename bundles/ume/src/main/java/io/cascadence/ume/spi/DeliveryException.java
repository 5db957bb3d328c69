package io.cascadence.ume.spi;

/**
 * A batch could not be delivered (the server is down, refused it, or did not acknowledge it in time). The first
 * {@link #delivered()} messages of the batch did arrive; the caller sends the rest again, in order, later. When the
 * next message is one the server can never take ({@link #rejected()}: larger than the server accepts), the caller
 * drops that one, counts it, and goes on with the rest, rather than retry it for ever.
 */
public class DeliveryException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int delivered;
    private final boolean rejected;

    /**
     * A failure worth retrying later.
     *
     * @param message what went wrong, naming the server
     * @param delivered how many messages at the start of the batch were delivered, 0 or more
     * @param cause the transport's exception, or {@code null}
     */
    public DeliveryException(String message, int delivered, Throwable cause) {
        this(message, delivered, false, cause);
    }

    /**
     * @param message what went wrong, naming the server and, when {@code rejected}, why the message cannot go
     * @param delivered how many messages at the start of the batch were delivered, 0 or more
     * @param rejected whether the message after those can never be delivered
     * @param cause the transport's exception, or {@code null}
     */
    public DeliveryException(String message, int delivered, boolean rejected, Throwable cause) {
        super(message, cause);
        this.delivered = delivered;
        this.rejected = rejected;
    }

    /** Whether the message at index {@link #delivered()} of the batch can never be delivered. */
    public boolean rejected() {
        return rejected;
    }

    /** How many messages at the start of the batch were delivered before the failure. */
    public int delivered() {
        return delivered;
    }
}
