package io.cascadence.launcher;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where the SQLite driver unpacks its native library: {@code cache/native/<pid>/}. The driver copies the library
 * out of its jar at every start (once per class loader) and deletes the copy only at a normal JVM exit, so after
 * a {@code kill -9} the copies stay. Giving each process a folder named by its pid lets the next start delete the
 * folders of processes that are gone, and only those.
 */
final class NativeCopies {

    /** The SQLite driver's option for the folder it unpacks to. */
    static final String SQLITE_TMPDIR = "org.sqlite.tmpdir";

    private NativeCopies() {
    }

    /**
     * Deletes the folders of dead processes under {@code root}, creates this process's folder and points the
     * driver at it, unless the driver's folder was set on the command line.
     */
    static void prepare(Path root, long pid) throws IOException {
        Files.createDirectories(root);
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root)) {
            for (Path folder : folders) {
                if (deadProcess(folder.getFileName().toString(), pid)) {
                    deleteTree(folder);
                }
            }
        }
        Path own = Files.createDirectories(root.resolve(Long.toString(pid)));
        if (System.getProperty(SQLITE_TMPDIR) == null) {
            System.setProperty(SQLITE_TMPDIR, own.toString());
        }
    }

    private static boolean deadProcess(String name, long self) {
        try {
            long pid = Long.parseLong(name);
            return pid != self && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false; // not ours
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
