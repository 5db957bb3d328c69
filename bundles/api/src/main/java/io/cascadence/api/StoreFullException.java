package io.cascadence.api;

/**
 * A store holds as much of something as it accepts from the outside, so more is refused rather than let memory
 * and the store's file grow without bound (pointers received from other instances, for example). Nothing was
 * changed. The message names the limit. The REST API answers it with 507 (Insufficient Storage).
 */
public class StoreFullException extends CascadenceException {

    private static final long serialVersionUID = 1L;

    /** @param message what is full and its limit, e.g. "task 'x' holds 10000 pointers, the most ..." */
    public StoreFullException(String message) {
        super(message);
    }
}
