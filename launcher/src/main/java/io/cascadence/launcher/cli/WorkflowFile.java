package io.cascadence.launcher.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cascadence.launcher.AtomicReplace;

/** Writing what a command received to a file of the user's: as a whole, atomically. */
final class WorkflowFile {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WorkflowFile() {
    }

    /**
     * Writes {@code content} as JSON indented by two spaces to {@code file}, through a temporary file beside it that
     * is renamed over it.
     *
     * @throws RestClient.CommandFailedException naming the file and the reason when it cannot be written; the file
     *         is then as it was
     */
    static void write(Path file, JsonNode content) {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        if (Files.isDirectory(target)) {
            throw new RestClient.CommandFailedException("cannot write " + file + ": it is a directory");
        }
        if (!Files.isDirectory(folder)) {
            throw new RestClient.CommandFailedException("cannot write " + file + ": the folder " + folder
                    + " does not exist");
        }
        Path temporary = null;
        try {
            byte[] bytes = (MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(content) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            // Not createTempFile, whose file is private to its owner: the workflow is a file like any other the
            // user writes, with the permissions their umask gives.
            temporary = folder.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            Files.write(temporary, bytes, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
            AtomicReplace.move(temporary, target);
        } catch (IOException e) {
            throw new RestClient.CommandFailedException("cannot write " + file + ": " + reason(e));
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // A leftover temporary file starts with a dot and is harmless.
                }
            }
        }
    }

    /** {@code value} as compact JSON text. */
    static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is JSON", e);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
