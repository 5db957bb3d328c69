package io.cascadence.scheduler.impl.book;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import io.cascadence.api.StoreUnavailableException;
import io.cascadence.api.schedule.InvalidScheduleException;
import io.cascadence.scheduler.impl.store.AtomicFile;

/**
 * {@code schedules.yml} and its sidecar {@code schedules.yml.ctx}, in the original's shape (see {@link EntryParser}
 * and {@link EntryWriter}). The file holds hashed identities only; the sidecar, readable by its owner only, holds
 * the plain ids that scheduled runs run as.
 *
 * <p>Entries that cannot be used are reported and kept in the file exactly as they were, also when it is rewritten,
 * until their task is scheduled or unscheduled. A file (or sidecar) that cannot be read at all is reported and never
 * written over. Thread-safe.
 */
public final class ScheduleFile {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleFile.class);

    private final Path file;
    private final Path sidecar;
    private final EntryWriter writer;
    private final Map<String, Kept> kept = new HashMap<>();
    /** Why the file or sidecar could not be read, naming it; writing is refused while set. */
    private String unreadable;
    private Path unreadableFile;
    /** The sidecar as on disk ({@code null}: absent), to restore it if the file then fails to be written. */
    private byte[] sidecarContent;

    /** Entries that could be used, by task name, and what is wrong with the others and the files. */
    public record Loaded(Map<String, BookEntry> entries, List<String> problems) {
    }

    /** An entry that cannot be used: its node and sidecar entry as read, and why. */
    private record Kept(NodeTuple tuple, Object sidecarEntry, String reason) {
    }

    /**
     * @param file the {@code schedules.yml} path; the sidecar is the same path with {@code .ctx} appended
     * @param secret the hash secret for {@code user_hash}/{@code group_hash}, asked for at every write
     */
    public ScheduleFile(Path file, Supplier<String> secret) {
        this.file = file;
        this.sidecar = file.resolveSibling(file.getFileName() + ".ctx");
        this.writer = new EntryWriter(new IdentityHash(secret));
    }

    public Path path() {
        return file;
    }

    public Path sidecarPath() {
        return sidecar;
    }

    /**
     * Reads both files; a missing file is empty. Forgets what an earlier load kept.
     *
     * @return the usable entries, and problems each naming the file, the task when there is one, and the reason
     */
    public synchronized Loaded load() {
        kept.clear();
        unreadable = null;
        unreadableFile = null;
        List<String> problems = new ArrayList<>();
        Map<String, Object> sidecarEntries = readSidecar(problems);
        Map<String, BookEntry> entries = new TreeMap<>();
        MappingNode root = readFile(problems);
        if (root == null) {
            return new Loaded(entries, problems);
        }
        EntryParser parser = new EntryParser(Yamls.plainIds(sidecarEntries));
        for (NodeTuple tuple : root.getValue()) {
            String task = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue()
                    : "(key at line " + (tuple.getKeyNode().getStartMark().getLine() + 1) + ")";
            if (entries.containsKey(task) || kept.containsKey(task)) {
                problems.add(file + ": '" + task + "' appears more than once; the last one is used");
                entries.remove(task);
                kept.remove(task);
            }
            try {
                entries.put(task, parser.parse(task, tuple.getValueNode()));
            } catch (InvalidScheduleException e) {
                kept.put(task, new Kept(tuple, sidecarEntries.get(task), e.getMessage()));
                problems.add(file + ": '" + task + "': " + e.getMessage() + "; it is kept in the file as it is and "
                        + "not scheduled until it is fixed");
            }
        }
        problems.forEach(problem -> LOG.warn("{}", problem));
        return new Loaded(entries, problems);
    }

    /** Why the file's entry for {@code task} cannot be used, when it is kept as it was read. */
    public synchronized Optional<String> invalid(String task) {
        return Optional.ofNullable(kept.get(task)).map(Kept::reason);
    }

    /**
     * Writes the whole file and the sidecar: {@code entries}, plus the unusable entries as they were read, except
     * {@code released}'s (its task was scheduled or unscheduled), all sorted by task name. The sidecar is written
     * first, so that the file never names an identity the sidecar lacks.
     *
     * @param entries every entry the file is to hold; empty ones are left out
     * @param released the task whose unusable entry is to go, or {@code null}
     * @throws StoreUnavailableException naming the file and reason when a file could not be read at load (it is
     *         never written over) or cannot be written; both files are then as they were
     */
    public synchronized void write(Collection<BookEntry> entries, String released) {
        if (unreadable != null) {
            throw new StoreUnavailableException(unreadableFile.toString(), "it could not be read (" + unreadable
                    + ") and is never written over; fix it or move it away, then restart Cascadence");
        }
        Yamls yaml = new Yamls();
        Map<String, NodeTuple> tuples = new TreeMap<>();
        Map<String, Object> ids = new TreeMap<>();
        for (BookEntry entry : entries) {
            if (!entry.isEmpty()) {
                tuples.put(entry.task(), new NodeTuple(yaml.represent(entry.task()),
                        yaml.represent(writer.value(entry))));
                Optional.ofNullable(EntryWriter.sidecar(entry)).ifPresent(id -> ids.put(entry.task(), id));
            }
        }
        kept.forEach((task, entry) -> {
            if (!task.equals(released) && !tuples.containsKey(task)) {
                tuples.put(task, entry.tuple());
                Optional.ofNullable(entry.sidecarEntry()).ifPresent(id -> ids.put(task, id));
            }
        });
        byte[] content = yaml.serialize(new ArrayList<>(tuples.values()));
        byte[] sidecarNew = ids.isEmpty() && sidecarContent == null ? null : yaml.dump(ids);
        byte[] sidecarOld = sidecarContent;
        if (!Arrays.equals(sidecarNew, sidecarOld)) {
            replace(sidecar, sidecarNew, true);
        }
        try {
            replace(file, content, false);
        } catch (StoreUnavailableException e) {
            restoreSidecar(sidecarOld, sidecarNew);
            throw e;
        }
        sidecarContent = sidecarNew;
        kept.remove(released);
    }

    private Map<String, Object> readSidecar(List<String> problems) {
        try {
            byte[] content = Files.readAllBytes(sidecar);
            Map<String, Object> ids = new Yamls().loadMapping(new String(content, StandardCharsets.UTF_8));
            sidecarContent = content;
            return ids;
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException | IllegalArgumentException e) {
            unreadable(sidecar, e, problems);
            return Map.of();
        }
    }

    private MappingNode readFile(List<String> problems) {
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            return new Yamls().composeMapping(new StringReader(text));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | IllegalArgumentException e) {
            unreadable(file, e, problems);
            return null;
        }
    }

    private void unreadable(Path which, Exception e, List<String> problems) {
        String reason = e instanceof IOException io ? AtomicFile.describe(io) : e.getMessage();
        unreadable = reason;
        unreadableFile = which;
        problems.add(which + ": " + reason + "; it is left as it is and not written until it is fixed");
    }

    private static void replace(Path target, byte[] content, boolean ownerOnly) {
        try {
            if (content == null) {
                Files.deleteIfExists(target);
            } else {
                AtomicFile.write(target, content, ownerOnly);
            }
        } catch (IOException e) {
            throw new StoreUnavailableException(target.toString(), AtomicFile.describe(e));
        }
    }

    private void restoreSidecar(byte[] old, byte[] written) {
        if (Arrays.equals(old, written)) {
            return;
        }
        try {
            replace(sidecar, old, true);
        } catch (StoreUnavailableException e) {
            // The sidecar may now name identities the file does not use; they are ignored until the next write.
            LOG.warn("{} could not be put back after {} failed to be written: {}", sidecar, file, e.getMessage());
        }
    }
}
