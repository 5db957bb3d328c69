package io.cascadence.core.impl.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.io.TempDir;

/** A plugins/ folder in a temporary directory, a {@link FakeInstaller}, and a clock moved half a second a poll. */
abstract class PluginFolderFixture {

    static final Duration POLL = Duration.ofMillis(500);

    @TempDir
    Path root;

    final MutableClock clock = new MutableClock();
    final FakeInstaller installer = new FakeInstaller();
    private PluginFolder folder;

    Path plugins() {
        return root.resolve("plugins");
    }

    PluginFolder folder() {
        return folder(FileStamp::read);
    }

    PluginFolder folder(StampReader stamps) {
        if (folder == null) {
            try {
                Files.createDirectories(plugins());
                Files.createDirectories(root.resolve("staging"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            folder = new PluginFolder(plugins(), installer, root.resolve("staging"), stamps, clock);
        }
        return folder;
    }

    /** Starts the folder: its first scan, as the component's activation runs it. */
    void start() {
        folder().scan();
    }

    /** The next poll, half a second later. */
    void poll() {
        clock.advance(POLL);
        folder().scan();
    }

    /** Polls for three seconds: longer than any wait of the folder's, so everything is settled after. */
    void settle() {
        for (int i = 0; i < 6; i++) {
            poll();
        }
    }

    /** Writes the file in place, as a plain copy does. */
    Path write(String name, byte[] content) {
        try {
            Files.createDirectories(plugins());
            return Files.write(plugins().resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies beside the target under a hidden name, then renames it into place, as a careful user does. */
    Path drop(String name, byte[] content) {
        Path hidden = write("." + name + ".part", content);
        try {
            return Files.move(hidden, plugins().resolve(name), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(String name) {
        try {
            Files.delete(plugins().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
