package io.cascadence.core.impl.plugins;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One jar of {@code plugins/} as the scans see it: its stamp at the last scan and since when it has had it, and
 * what it held when it was last read.
 */
final class WatchedFile {

    /**
     * How far apart two writes may be and still leave the same timestamps: wider than any file system's clock
     * tick (two seconds on FAT). A file read less than this after it changed may have been written again within
     * the same tick without its stamp changing, so its content is checked again until the doubt is over, as Git
     * does with its "racily clean" index entries.
     */
    static final Duration TIMESTAMP_SLACK = Duration.ofSeconds(2);

    private final Path path;
    private FileStamp seen;
    private Instant changedAt;
    private FileStamp readStamp;
    private boolean racy;
    private PluginJar content;

    WatchedFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    String name() {
        return path.getFileName().toString();
    }

    /**
     * Records the stamp of this scan.
     *
     * @param eager read a file seen for the first time at once (the first scan: what is there at start is not
     *     being copied, and waiting a poll would delay the start)
     * @return whether the file must be read now: it has kept its stamp for a whole poll (so a copy in progress is
     *     left alone) and was not read with that stamp, or it was read too soon after a change to trust its stamp
     */
    boolean observe(FileStamp stamp, Instant now, boolean eager) {
        if (!stamp.equals(seen)) {
            boolean firstSight = seen == null;
            changed(stamp, now);
            if (!(eager && firstSight)) {
                return false;
            }
        }
        return !stamp.equals(readStamp) || racy;
    }

    /** The file was seen to change (also while it was being read): it must settle before it is read again. */
    void changed(FileStamp stamp, Instant now) {
        seen = stamp;
        changedAt = now;
    }

    /** What the file held when it had {@code stamp}, read at {@code readAt}. */
    void read(FileStamp stamp, Instant readAt, PluginJar held) {
        readStamp = stamp;
        racy = !stamp.changeTime().isBefore(readAt.minus(TIMESTAMP_SLACK));
        content = held;
    }

    /** Forgets that the file was read, so the next scan reads it again (it changed after it was read). */
    void reread() {
        readStamp = null;
    }

    /** Replaces what was read by a refusal found later (the framework would not install it). */
    void refused(String problem) {
        content = PluginJar.broken(content == null ? null : content.sha256(), problem);
    }

    /** What the file held when last read; {@code null} before the first read. */
    PluginJar content() {
        return content;
    }

    /** Whether the file has kept its stamp for {@code quiet}: a broken file is only reported then. */
    boolean quietFor(Duration quiet, Instant now) {
        return changedAt != null && !now.isBefore(changedAt.plus(quiet));
    }

    boolean sameContent(String sha256) {
        return content != null && Objects.equals(content.sha256(), sha256);
    }
}
