package io.cascadence.core.impl.plugins;

import java.nio.file.Path;
import java.util.Optional;

/** Reads a file's {@link FileStamp}: {@link FileStamp#read} but for tests that play a poorer file system. */
@FunctionalInterface
interface StampReader {

    /** The stamp, or empty when the file is gone. */
    Optional<FileStamp> read(Path file);
}
