package io.cascadence.core.impl.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A replacement with the same size and modification time as the jar it replaces (as {@code cp -p} or an unpacked
 * archive leaves it) is still picked up: by its inode or status change time, and by its content where the file
 * system keeps neither.
 */
class PluginFolderChangeTest extends PluginFolderFixture {

    private static final byte[] V1 = Jars.bundle("io.example.hello", "1.0.1");
    private static final byte[] V2 = Jars.bundle("io.example.hello", "1.0.2");

    @BeforeEach
    void sameSize() {
        assertThat(V2).as("the test needs two jars of one size").hasSize(V1.length);
    }

    @Test
    void aSameSizeSameTimeJarWrittenInPlaceIsPickedUpByItsChangeTime() throws IOException {
        Path jar = write("hello.jar", V1);
        start();
        settle();
        FileTime modified = Files.getLastModifiedTime(jar);

        Files.write(jar, V2);
        Files.setLastModifiedTime(jar, modified);
        settle();

        assertThat(installer.running()).containsOnly(entry("io.example.hello", "hello.jar 1.0.2"));
    }

    @Test
    void aSameSizeSameTimeJarRenamedIntoPlaceIsPickedUpByItsNewInode() throws IOException {
        Path jar = write("hello.jar", V1);
        start();
        settle();
        FileTime modified = Files.getLastModifiedTime(jar);

        Path hidden = write(".hello.jar.part", V2);
        Files.setLastModifiedTime(hidden, modified);
        Files.move(hidden, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        settle();

        assertThat(installer.running()).containsOnly(entry("io.example.hello", "hello.jar 1.0.2"));
    }

    @Test
    void whereTheFileSystemKeepsNoChangeTimeOrFileKeyAStampTakenSoonAfterAChangeIsCheckedByContent()
            throws IOException {
        StampReader sizeAndTimeOnly = file -> FileStamp.read(file)
                .map(s -> new FileStamp(s.size(), s.modified(), null, null));
        folder(sizeAndTimeOnly);
        Path jar = write("hello.jar", V1);
        start();
        FileTime modified = Files.getLastModifiedTime(jar);

        // Within the file system's clock tick, size and time alone cannot tell the two apart.
        Files.write(jar, V2);
        Files.setLastModifiedTime(jar, modified);
        settle();

        assertThat(installer.running()).containsOnly(entry("io.example.hello", "hello.jar 1.0.2"));
    }

    @Test
    void oncePastTheDoubtAnUnchangedStampIsTrustedAndTheFileIsNotReadAgain() throws IOException {
        Path jar = write("hello.jar", V1);
        start();
        settle();
        Path staging = root.resolve("staging");
        Files.delete(staging); // a read would now fail and be reported

        settle();

        assertThat(folder().warnings()).isEmpty();
        assertThat(Files.exists(jar)).isTrue();
    }
}
