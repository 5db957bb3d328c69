package io.cascadence.core.impl.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reading a store's file at start. A file that cannot be read is reported with its name and the reason and is
 * never written over: the store then keeps its data in memory only, until the file is fixed and the container
 * restarted.
 */
public final class StoreFile {

    private static final Logger LOG = LoggerFactory.getLogger(StoreFile.class);

    /** Parses file content; throws with a message saying what is wrong. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(byte[] content) throws Exception;
    }

    private StoreFile() {
    }

    /**
     * What was read.
     *
     * @param content the parsed content, empty when the file does not exist yet
     * @param problem why the file exists but cannot be read, or {@code null}: such a file must not be written over
     */
    public record Loaded<T>(Optional<T> content, String problem) {

        /** Whether the file may be written: it was read, or it does not exist yet. */
        public boolean writable() {
            return problem == null;
        }

        /** The warning to show while the file is not being written, or {@code null}. */
        public String warning(Path file) {
            return writable() ? null : file + " could not be read at start and is not being written (" + problem
                    + "); fix or move it away and restart Cascadence (new data is kept in memory only until then)";
        }
    }

    public static <T> Loaded<T> load(Path file, Parser<T> parser) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Loaded<>(Optional.empty(), null);
        } catch (IOException e) {
            String reason = IoProblems.describe(e);
            report(file, reason);
            return new Loaded<>(Optional.empty(), reason);
        }
        try {
            return new Loaded<>(Optional.of(parser.parse(content)), null);
        } catch (Exception e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage().strip().lines().findFirst().orElse("");
            report(file, reason);
            return new Loaded<>(Optional.empty(), reason);
        }
    }

    private static void report(Path file, String reason) {
        LOG.error("Store file {} cannot be read ({}); it is left untouched and not written until it is fixed or "
                + "moved away and Cascadence restarted", file, reason);
    }
}
