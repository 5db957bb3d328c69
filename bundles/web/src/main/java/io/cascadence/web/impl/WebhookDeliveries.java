package io.cascadence.web.impl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The delivery ids each webhook source has seen lately, so that a delivery sent again (GitHub redelivers on a
 * timeout, and on a click in its settings) runs its tasks once. The last {@code limit} ids of each source are kept
 * in {@code <folder>/<source>.ids}, one per line: an accepted id is appended and forced to disk before the
 * delivery is answered, and once the file holds twice the limit it is rewritten with the newest ids only
 * (temporary file, forced, renamed over), so it stays bounded and a crash leaves the old file or the new one. A
 * line cut short by a crash has no newline and is ignored when the file is read.
 *
 * <p>An id is claimed before the runs are submitted and written after they are accepted: a delivery arriving
 * meanwhile with the same id is a duplicate, and one whose runs were all refused releases its id so that the
 * sender's retry runs. A stop between the runs' acceptance and the write loses the id, and a redelivery then runs
 * again: deliveries are handled at least once.
 */
final class WebhookDeliveries {

    private final Path folder;
    private final int limit;
    private final Map<String, Source> sources = new HashMap<>();
    private volatile String problem;

    /**
     * @param folder where the id files are kept (created when the first id is written)
     * @param limit how many ids are kept per source
     */
    WebhookDeliveries(Path folder, int limit) {
        this.folder = folder;
        this.limit = limit;
    }

    /** Ids of one source: those written, oldest first, and those claimed by deliveries in progress. */
    private static final class Source {
        final LinkedHashSet<String> recent = new LinkedHashSet<>();
        final Set<String> inProgress = new HashSet<>();
        int lines;
    }

    /**
     * Claims an id for a delivery in progress.
     *
     * @return false when the id was seen before or is being handled now: the delivery is a duplicate
     */
    synchronized boolean claim(String source, String id) {
        Source known = source(source);
        return !known.recent.contains(id) && known.inProgress.add(id);
    }

    /** Gives a claimed id up: the delivery ran nothing, and the sender may send it again. */
    synchronized void release(String source, String id) {
        source(source).inProgress.remove(id);
    }

    /**
     * Records a claimed id on disk.
     *
     * @throws IOException when it cannot be written; the id is still known until the next start
     */
    synchronized void commit(String source, String id) throws IOException {
        Source known = source(source);
        known.inProgress.remove(id);
        known.recent.add(id);
        Iterator<String> oldest = known.recent.iterator();
        while (known.recent.size() > limit) {
            oldest.next();
            oldest.remove();
        }
        Path file = file(source);
        try {
            Files.createDirectories(folder);
            if (known.lines + 1 > 2 * limit) {
                rewrite(file, known.recent);
                known.lines = known.recent.size();
            } else {
                append(file, id);
                known.lines++;
            }
            problem = null;
        } catch (IOException e) {
            problem = "webhook delivery ids cannot be written to " + file + " (" + e.getMessage()
                    + "): a delivery sent again after a restart runs its tasks again";
            throw e;
        }
    }

    /** Why ids cannot be written, or {@code null} when the last write succeeded. */
    String problem() {
        return problem;
    }

    private Source source(String source) {
        return sources.computeIfAbsent(source, this::load);
    }

    private Source load(String source) {
        Source known = new Source();
        Path file = file(source);
        if (!Files.exists(file)) {
            return known;
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            List<String> lines = text.lines().toList();
            // A last line without its newline was cut short by a crash while it was appended.
            int complete = text.endsWith("\n") ? lines.size() : lines.size() - 1;
            for (int i = Math.max(0, complete - limit); i < complete; i++) {
                if (!lines.get(i).isBlank()) {
                    known.recent.add(lines.get(i).strip());
                }
            }
            known.lines = lines.size();
        } catch (IOException e) {
            problem = "webhook delivery ids cannot be read from " + file + " (" + e.getMessage()
                    + "): deliveries sent before may run again";
        }
        return known;
    }

    private Path file(String source) {
        return folder.resolve(source + ".ids");
    }

    private static void append(Path file, String id) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap((id + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
        }
    }

    private static void rewrite(Path file, Set<String> ids) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
        StringBuilder text = new StringBuilder();
        ids.forEach(id -> text.append(id).append('\n'));
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
