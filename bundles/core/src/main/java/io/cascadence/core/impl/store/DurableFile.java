package io.cascadence.core.impl.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cascadence.api.StoreUnavailableException;

/**
 * A store file that is written before a change is acknowledged. A change that cannot be written is refused with a
 * {@link StoreUnavailableException} and undone by the store, so that what a user was told is what a restart finds.
 * It suits files that change rarely and matter much ({@code tasks.yml}, {@code task-states.yml}); busy stores
 * write in batches instead ({@link PersistedFile}).
 */
public final class DurableFile {

    private static final Logger LOG = LoggerFactory.getLogger(DurableFile.class);

    private final Path file;
    private final String unreadable;
    private volatile String failure;

    private DurableFile(Path file, String unreadable) {
        this.file = file;
        this.unreadable = unreadable;
    }

    /**
     * Reads the file and hands what it holds to {@code restore} (nothing when it does not exist yet). A file that
     * exists but cannot be read is reported, never written over, and every later write is refused.
     */
    public static <T> DurableFile open(Path file, StoreFile.Parser<T> parser, Consumer<T> restore) {
        StoreFile.Loaded<T> loaded = StoreFile.load(file, parser);
        loaded.content().ifPresent(restore);
        return new DurableFile(file, loaded.problem());
    }

    /**
     * Replaces the file's content as a whole, atomically.
     *
     * @throws StoreUnavailableException naming the file and the reason when it could not be read at start or cannot
     *         be written now; the file is then as it was
     */
    public synchronized void write(byte[] content) {
        refuseUnreadable();
        try {
            AtomicFiles.write(file, content);
        } catch (IOException e) {
            failure = IoProblems.describe(e);
            LOG.error("Cannot write {}: {}; the change is refused", file, failure);
            throw new StoreUnavailableException(file.toString(), failure);
        }
        if (failure != null) {
            LOG.info("{} is written again", file);
            failure = null;
        }
    }

    /**
     * Refuses early, before costly work, a change that could not be written as far as can be seen without writing.
     *
     * @throws StoreUnavailableException naming the file and the reason
     */
    public void requireWritable() {
        refuseUnreadable();
        String now = IoProblems.writeProblem(file);
        if (now != null) {
            throw new StoreUnavailableException(file.toString(), now);
        }
    }

    private void refuseUnreadable() {
        if (unreadable != null) {
            throw new StoreUnavailableException(file.toString(), "it could not be read at start (" + unreadable
                    + ") and is not written over; fix or move it away and restart Cascadence");
        }
    }

    /**
     * What stands in the way of writing, for {@code /health}: a file that could not be read at start, one that
     * cannot be written now as far as can be seen without writing, or the last write's failure.
     */
    public List<String> warnings() {
        if (unreadable != null) {
            return List.of(file + " could not be read at start and is not being written (" + unreadable + "); fix "
                    + "or move it away and restart Cascadence (changes are refused until then)");
        }
        String now = IoProblems.writeProblem(file);
        if (now != null) {
            return List.of(file + " cannot be written (" + now + "); changes are refused until it can");
        }
        String last = failure;
        return last == null ? List.of()
                : List.of("the last write of " + file + " failed (" + last + "); changes are refused while it fails");
    }
}
