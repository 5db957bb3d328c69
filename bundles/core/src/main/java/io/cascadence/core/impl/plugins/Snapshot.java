package io.cascadence.core.impl.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A private copy of a file of {@code plugins/}, with the SHA-256 of its content. What is checked and installed is
 * this copy, so a user writing to the file meanwhile cannot make the container install bytes it never checked.
 */
final class Snapshot implements AutoCloseable {

    private final Path copy;
    private final String sha256;

    private Snapshot(Path copy, String sha256) {
        this.copy = copy;
        this.sha256 = sha256;
    }

    /** Copies {@code file} into {@code staging}; the copy is deleted on {@link #close()}. */
    static Snapshot take(Path file, Path staging) throws IOException {
        Path copy = Files.createTempFile(staging, "plugin-", ".jar");
        MessageDigest digest = newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        return new Snapshot(copy, HexFormat.of().formatHex(digest.digest()));
    }

    Path path() {
        return copy;
    }

    String sha256() {
        return sha256;
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(copy);
        } catch (IOException e) {
            // A copy left behind is harmless: the staging folder is in the framework cache, wiped at every start.
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
