package io.cascadence.core.impl.pipeline;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** What a failed future really failed with. */
public final class Futures {

    private Futures() {
    }

    /** The cause inside the {@link CompletionException}s and {@link ExecutionException}s futures wrap it in. */
    public static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
