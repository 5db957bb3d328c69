package io.cascadence.scheduler.impl.cron;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.cascadence.api.CascadenceException;
import io.cascadence.scheduler.impl.store.AtomicFile;

/**
 * The cron engine's watermark on disk ({@code data/schedules.state}): one line {@code last_checked: <instant>}, the
 * instant up to which every due fire was handed over. {@link #advance} only records the value in memory, so the
 * engine can call it after every batch; {@link #flush} writes it when it changed, and the owner calls it at most
 * once a second and on stop. A lost second of progress only means the fires in it are checked against the run
 * history again after a crash ({@code lastDueOf}), never that they run twice.
 *
 * <p>Writes replace the file atomically: a temporary file in the same directory is forced to disk, renamed over it
 * and the directory synced (best effort: not every platform can), so a crash leaves the old value or the new one.
 */
public final class WatermarkFile {

    static final String KEY = "last_checked";

    private final Path file;
    private final AtomicReference<Instant> latest = new AtomicReference<>();
    private final Object writing = new Object();
    private Instant written;

    public WatermarkFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    /**
     * The watermark kept in the file.
     *
     * @return empty when the file does not exist (a first start)
     * @throws CascadenceException naming the file when it cannot be read or holds no {@code last_checked} instant
     */
    public Optional<Instant> read() {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new CascadenceException(file + " cannot be read (" + e + "); fix its permissions, or delete it "
                    + "to start without catching up missed cron fires", e);
        }
        for (String line : content.split("\n")) {
            String text = line.strip();
            if (text.startsWith(KEY + ":")) {
                String value = text.substring(KEY.length() + 1).strip().replace("'", "").replace("\"", "");
                try {
                    return Optional.of(Instant.parse(value));
                } catch (DateTimeException e) {
                    throw unreadable("'" + value + "' is not an instant", e);
                }
            }
        }
        throw unreadable("it has no " + KEY + " line", null);
    }

    /** Records a newer watermark in memory; an older or equal one is ignored. Cheap and thread-safe. */
    public void advance(Instant handedUpTo) {
        latest.accumulateAndGet(handedUpTo, (old, value) -> old == null || value.isAfter(old) ? value : old);
    }

    /**
     * Writes the latest watermark if it changed since the last write.
     *
     * @throws CascadenceException naming the file when it cannot be written; the value stays pending
     */
    public void flush() {
        synchronized (writing) {
            Instant value = latest.get();
            if (value == null || value.equals(written)) {
                return;
            }
            try {
                write(KEY + ": " + value + "\n");
                written = value;
            } catch (IOException e) {
                throw new CascadenceException(file + " cannot be written (" + e + "); the cron watermark "
                        + value + " is kept in memory and written again at the next flush", e);
            }
        }
    }

    private void write(String content) throws IOException {
        AtomicFile.write(file, content.getBytes(StandardCharsets.UTF_8), false);
    }

    private CascadenceException unreadable(String why, Throwable cause) {
        return new CascadenceException(file + " cannot be read: " + why + "; expected a line such as '" + KEY
                + ": 2026-11-30T05:00:00Z', or delete it to start without catching up missed cron fires", cause);
    }
}
