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

    private final String unreadable;
    private final BatchWriter writer;

    private PersistedFile(String unreadable, BatchWriter writer) {
        this.unreadable = unreadable;
        this.writer = writer;
    }

    /**
     * @param parser reads the file's content
     * @param restore puts what was read into the store
     * @param snapshot the store's content as it is to be written
     */
    public static <T> PersistedFile open(Path file, StoreFile.Parser<T> parser, Consumer<T> restore,
            Supplier<byte[]> snapshot) {
        StoreFile.Loaded<T> loaded = StoreFile.load(file, parser);
        loaded.content().ifPresent(restore);
        return new PersistedFile(loaded.warning(file),
                loaded.writable() ? new BatchWriter(file, WRITE_INTERVAL, snapshot) : null);
    }

    /** The store changed: it will be written within {@link #WRITE_INTERVAL}. */
    public void changed() {
        if (writer != null) {
            writer.markDirty();
        }
    }

    /** A file that could not be read at start, and a write that is failing now. */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (unreadable != null) {
            warnings.add(unreadable);
        }
        if (writer != null && writer.problem() != null) {
            warnings.add(writer.problem() + "; retrying");
        }
        return warnings;
    }

    /** Writes what is pending and stops. */
    @Override
    public void close() {
        if (writer != null) {
            writer.close();
        }
    }
}
