package io.cascadence.scheduler.impl.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Replacing a whole file so that a crash or a failed write leaves either the old content or the new one, never a
 * mix: the content goes to a temporary file beside the target, is forced to disk, and is renamed over the target.
 */
public final class AtomicFile {

    private AtomicFile() {
    }

    /**
     * Writes {@code content} as the whole of {@code target}, creating its folder if needed.
     *
     * @param ownerOnly whether the file is to be readable by its owner only (mode 0600, where the file system has
     *        POSIX permissions), whatever it was; otherwise an existing file keeps the permissions an operator gave
     *        it and a new one is readable by its owner only
     * @throws IOException when it could not be written; {@code target} is then as it was
     */
    public static void write(Path target, byte[] content, boolean ownerOnly) throws IOException {
        Path file = target.toAbsolutePath();
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Path temporary = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            setPermissions(file, temporary, ownerOnly);
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
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The reason of an I/O failure in words for the user, without the temporary file's name. */
    public static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof DirectoryNotEmptyException || e instanceof FileAlreadyExistsException
                || e instanceof NotDirectoryException) {
            return ((FileSystemException) e).getFile() + " is in the way";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    private static void setPermissions(Path file, Path temporary, boolean ownerOnly) throws IOException {
        try {
            if (ownerOnly) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } else {
                Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(file));
            }
        } catch (NoSuchFileException | UnsupportedOperationException e) {
            // A new file (created 0600 by createTempFile), or a file system without POSIX permissions.
        }
    }

    /** Makes the rename itself durable; some systems cannot open a folder for this, and the rename still holds. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Best effort: the data itself is already forced; only the rename may be lost in a power cut.
        }
    }
}
