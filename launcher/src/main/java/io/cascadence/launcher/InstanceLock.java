package io.cascadence.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One process at a time owns an installation's {@code data/}: the container, or a command line that started the
 * container's parts itself. The owner holds an OS file lock on {@code data/.lock} (released by the OS even when
 * the process is killed) and, once its HTTP port answers, publishes how to reach it in {@code data/.runtime}.
 */
public final class InstanceLock implements AutoCloseable {

    static final String LOCK_FILE = ".lock";
    static final String RUNTIME_FILE = ".runtime";

    private final Installation installation;
    private final FileChannel channel;
    private final FileLock lock;
    private final Path file;
    private final AtomicBoolean closed = new AtomicBoolean();

    private InstanceLock(Installation installation, FileChannel channel, FileLock lock, Path file) {
        this.installation = installation;
        this.channel = channel;
        this.lock = lock;
        this.file = file;
    }

    /**
     * Lock files this process holds. POSIX record locks belong to the process: opening and closing a second
     * channel on a held file would silently release the lock, so a second attempt here never touches the file.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    /** Takes the lock, or returns empty when another process (or this one) holds it. */
    public static Optional<InstanceLock> tryAcquire(Installation installation) {
        Path file = installation.data().resolve(LOCK_FILE).toAbsolutePath().normalize();
        if (!HELD.add(file)) {
            return Optional.empty();
        }
        boolean acquired = false;
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            Files.deleteIfExists(installation.data().resolve(RUNTIME_FILE));
            acquired = true;
            return Optional.of(new InstanceLock(installation, channel, lock, file));
        } catch (IOException e) {
            throw new LaunchException("Cannot lock " + file + ": " + e.getMessage(), e);
        } finally {
            if (!acquired) {
                HELD.remove(file);
            }
        }
    }

    /** Says where this process serves HTTP; written atomically so readers never see half of it. */
    public void publish(RuntimeInfo info) {
        Path target = installation.data().resolve(RUNTIME_FILE);
        Path temporary = installation.data().resolve(RUNTIME_FILE + ".tmp");
        Properties properties = new Properties();
        properties.setProperty("pid", Long.toString(info.pid()));
        properties.setProperty("host", info.host());
        properties.setProperty("port", Integer.toString(info.port()));
        properties.setProperty("mode", info.mode());
        try {
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(writer, "Cascadence process owning this installation; removed when it stops");
            }
            AtomicReplace.move(temporary, target);
        } catch (IOException e) {
            throw new LaunchException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** What the owner of the installation published, if anything. */
    public static Optional<RuntimeInfo> readPublished(Installation installation) {
        Path file = installation.data().resolve(RUNTIME_FILE);
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            return Optional.of(new RuntimeInfo(Long.parseLong(properties.getProperty("pid")),
                    properties.getProperty("host"), Integer.parseInt(properties.getProperty("port")),
                    properties.getProperty("mode", "container")));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Files.deleteIfExists(installation.data().resolve(RUNTIME_FILE));
            lock.release();
            channel.close();
        } catch (IOException e) {
            // The OS releases the lock when the process ends anyway.
        } finally {
            HELD.remove(file);
        }
    }
}
