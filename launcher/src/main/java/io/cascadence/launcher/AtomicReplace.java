package io.cascadence.launcher;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Puts a file written beside its target in the target's place, so that readers see the old file or the new one. */
public final class AtomicReplace {

    private AtomicReplace() {
    }

    /**
     * Renames {@code written} over {@code target}: atomically where the file system can, else as a plain replace.
     *
     * @throws IOException when the rename fails; {@code written} is left where it was
     */
    public static void move(Path written, Path target) throws IOException {
        try {
            Files.move(written, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(written, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
