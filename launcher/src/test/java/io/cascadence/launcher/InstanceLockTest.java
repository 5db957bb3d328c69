package io.cascadence.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceLockTest {

    @TempDir
    Path home;

    private Installation installation;

    @BeforeEach
    void prepareInstallation() throws IOException {
        Files.createDirectories(home.resolve("system"));
        Files.writeString(home.resolve("system").resolve(BundleList.FILE_NAME), "");
        installation = Installation.at(home);
        installation.prepare();
    }

    private Path runtimeFile() {
        return installation.data().resolve(InstanceLock.RUNTIME_FILE);
    }

    @Test
    void onlyOneHolderAtATime() {
        Optional<InstanceLock> first = InstanceLock.tryAcquire(installation);
        assertThat(first).isPresent();

        assertThat(InstanceLock.tryAcquire(installation)).isEmpty();

        first.get().close();
        Optional<InstanceLock> again = InstanceLock.tryAcquire(installation);
        assertThat(again).isPresent();
        again.get().close();
    }

    @Test
    void publishedRuntimeInfoRoundTrips() {
        RuntimeInfo info = new RuntimeInfo(4242, "0.0.0.0", 8123, "cli");
        try (InstanceLock lock = InstanceLock.tryAcquire(installation).orElseThrow()) {
            assertThat(InstanceLock.readPublished(installation)).isEmpty();

            lock.publish(info);

            assertThat(InstanceLock.readPublished(installation)).contains(info);
        }
    }

    @Test
    void closeRemovesTheRuntimeFile() {
        InstanceLock lock = InstanceLock.tryAcquire(installation).orElseThrow();
        lock.publish(new RuntimeInfo(1, "127.0.0.1", 8000, "container"));
        assertThat(runtimeFile()).exists();

        lock.close();

        assertThat(runtimeFile()).doesNotExist();
        assertThat(InstanceLock.readPublished(installation)).isEmpty();
    }

    @Test
    void acquiringDiscardsAStaleRuntimeFileLeftByAKilledProcess() throws IOException {
        Files.writeString(runtimeFile(), "pid=999\nhost=127.0.0.1\nport=8000\nmode=container\n");

        try (InstanceLock lock = InstanceLock.tryAcquire(installation).orElseThrow()) {
            assertThat(InstanceLock.readPublished(installation)).isEmpty();
        }
    }

    @Test
    void modeDefaultsToContainerAndGarbageReadsAsNothing() throws IOException {
        Files.writeString(runtimeFile(), "pid=12\nhost=::1\nport=9000\n");
        assertThat(InstanceLock.readPublished(installation)).contains(new RuntimeInfo(12, "::1", 9000, "container"));

        Files.writeString(runtimeFile(), "pid=twelve\n");
        assertThat(InstanceLock.readPublished(installation)).isEmpty();
    }

    @Test
    void anotherProcessCannotAcquireWhileTheLockIsHeld() throws Exception {
        try (InstanceLock lock = InstanceLock.tryAcquire(installation).orElseThrow()) {
            assertThat(otherProcessAcquires()).isFalse();
        }
        assertThat(otherProcessAcquires()).isTrue();
    }

    @Test
    void refusedSecondAttemptInTheSameProcessDoesNotReleaseTheHeldLock() throws Exception {
        try (InstanceLock lock = InstanceLock.tryAcquire(installation).orElseThrow()) {
            assertThat(InstanceLock.tryAcquire(installation)).isEmpty();

            assertThat(otherProcessAcquires()).isFalse();
        }
    }

    /** Runs {@link OtherProcess} in a fresh JVM on the same installation. */
    private boolean otherProcessAcquires() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                OtherProcess.class.getName(), home.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes()).strip();
        assertThat(process.waitFor()).as(output).isZero();
        return Boolean.parseBoolean(output);
    }

    static final class OtherProcess {
        public static void main(String[] args) {
            Optional<InstanceLock> lock = InstanceLock.tryAcquire(Installation.at(Path.of(args[0])));
            System.out.println(lock.isPresent());
            lock.ifPresent(InstanceLock::close);
        }
    }
}
