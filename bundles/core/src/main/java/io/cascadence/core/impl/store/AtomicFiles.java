package io.cascadence.core.impl.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file as a whole: the content goes to a temporary file beside it, is forced to disk, and is renamed
 * over the target, so a crash leaves the old file or the new one, never half of one.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    private static void keepPermissions(Path existing, Path replacement) throws IOException {
        try {
            Files.setPosixFilePermissions(replacement, Files.getPosixFilePermissions(existing));
        } catch (NoSuchFileException | UnsupportedOperationException e) {
            // A new file, or a file system without POSIX permissions: the defaults stay.
        }
    }

    /**
     * Writes {@code content} as the whole of {@code target}. A new file is readable by its owner only; a file that
     * exists keeps the permissions an operator gave it.
     */
    public static void write(Path target, byte[] content) throws IOException {
        Path file = target.toAbsolutePath();
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Path temporary = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            keepPermissions(file, temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
