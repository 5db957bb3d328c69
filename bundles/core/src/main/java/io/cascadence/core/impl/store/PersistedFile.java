package io.cascadence.core.impl.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One store's file: read at start into the store, then written in batches whenever the store changed, unless it
 * could not be read, in which case it is left alone and reported.
 */
public final class PersistedFile implements AutoCloseable {

    /** How often a changed store is written at most. */
    public static final Duration WRITE_INTERVAL = Duration.ofMillis(250);

    private final Path file;
    private volatile String unreadable;
    private volatile BatchWriter writer;

    /**
     * A store's file, not read yet. Make the store with {@link #changed} as its change listener, then
     * {@link #open} this: changes before that (the restore itself) write nothing.
     */
    public PersistedFile(Path file) {
        this.file = file;
    }

    /**
     * Reads the file into the store, then keeps it written.
     *
     * @param parser reads the file's content
     * @param restore puts what was read into the store
     * @param snapshot the store's content as it is to be written
     */
    public <T> void open(StoreFile.Parser<T> parser, Consumer<T> restore, Supplier<byte[]> snapshot) {
        StoreFile.Loaded<T> loaded = StoreFile.load(file, parser);
        loaded.content().ifPresent(restore);
        unreadable = loaded.warning(file);
        if (loaded.writable()) {
            writer = new BatchWriter(file, WRITE_INTERVAL, snapshot);
        }
    }

    /** The store changed: it will be written within {@link #WRITE_INTERVAL}. */
    public void changed() {
        BatchWriter current = writer;
        if (current != null) {
            current.markDirty();
        }
    }

    /** A file that could not be read at start, a write that is failing now, or one that would fail. */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (unreadable != null) {
            warnings.add(unreadable);
        }
        BatchWriter current = writer;
        if (current != null && current.problem() != null) {
            warnings.add(current.problem() + "; retrying");
        } else if (current != null) {
            // A store that has not changed lately has not tried to write: look whether it could.
            String now = IoProblems.writeProblem(file);
            if (now != null) {
                warnings.add(file + " cannot be written (" + now + "); changes are kept in memory until it can");
            }
        }
        return warnings;
    }

    /** Writes what is pending and stops. */
    @Override
    public void close() {
        BatchWriter current = writer;
        if (current != null) {
            current.close();
        }
    }
}
