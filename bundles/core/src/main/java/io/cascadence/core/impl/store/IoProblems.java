package io.cascadence.core.impl.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Why a store file cannot be read or written, in words for the user. The file itself is named by whoever reports
 * the problem; the reason alone is said here, because the path inside an exception is often a temporary file
 * the user never heard of.
 */
public final class IoProblems {

    private IoProblems() {
    }

    /** The reason of an I/O failure, e.g. "permission denied", "Read-only file system". */
    public static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            // Creating the folders on the way to the file met a file where a folder belongs.
            return ((FileSystemException) e).getFile() + " is in the way: it is not a folder";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    /**
     * Why {@code file} could not be written now, found without writing anything (so that {@code /health} may ask
     * at every call), or {@code null} when nothing is seen to be in the way. A write may still fail for a reason
     * that cannot be seen in advance, such as a full disk.
     */
    public static String writeProblem(Path file) {
        Path target = file.toAbsolutePath();
        if (Files.isDirectory(target)) {
            return "it is a folder";
        }
        Path existing = target.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return "none of its folders exists";
        }
        if (!Files.isDirectory(existing)) {
            return existing + " is in the way: it is not a folder";
        }
        if (!Files.isWritable(existing)) {
            return "folder " + existing + " is not writable";
        }
        return null;
    }
}
