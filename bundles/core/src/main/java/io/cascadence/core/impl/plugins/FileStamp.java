package io.cascadence.core.impl.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the file system says of a file without reading it. Size and modification time alone (all FileInstall
 * looks at) miss a replacement of the same size whose time was kept, as {@code cp -p}, {@code rsync -t} or an
 * unpacked archive do; the file key (inode) changes when a new file is renamed into place and the status change
 * time ({@code ctime}, which no user can set) changes on every write in place.
 *
 * @param changed the status change time, or {@code null} where the file system has none
 * @param fileKey the inode and device, or {@code null} where the file system has none
 */
record FileStamp(long size, FileTime modified, FileTime changed, Object fileKey) {

    /** The stamp of {@code file}; empty when it is gone or cannot be looked at. */
    static Optional<FileStamp> read(Path file) {
        try {
            try {
                Map<String, Object> unix = Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,fileKey");
                return Optional.of(new FileStamp((Long) unix.get("size"), (FileTime) unix.get("lastModifiedTime"),
                        (FileTime) unix.get("ctime"), unix.get("fileKey")));
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class);
                return Optional.of(new FileStamp(basic.size(), basic.lastModifiedTime(), null, basic.fileKey()));
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** When the file last changed as far as can be told: its status change time, else its modification time. */
    Instant changeTime() {
        return (changed != null ? changed : modified).toInstant();
    }
}
