package io.cascadence.core.impl.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run acknowledged by {@code save} survives {@code kill -9} of the process: a child JVM ({@link SavingChild})
 * saves as fast as it can and prints every acknowledged id; it is killed mid-way, and every printed id must be
 * in the database afterwards. With {@code normal} sync the commits are in the operating system's cache only,
 * which is what a process crash leaves intact; {@code full} also survives a machine crash (not tested here).
 */
class KillDurabilityTest {

    private static final int ACKNOWLEDGED_BEFORE_KILL = 3_000;

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {"normal", "full"})
    void everyAcknowledgedRunSurvivesKillMinus9(String sync) throws Exception {
        Path db = folder.resolve("runs.db");
        Path natives = Files.createDirectories(folder.resolve("native")); // the driver does not create it
        Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"),
                "-Dorg.sqlite.tmpdir=" + natives,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                SavingChild.class.getName(), db.toString(), sync)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        List<String> acknowledged = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && (line = lines.readLine()) != null) {
                acknowledged.add(line);
            }
            // SIGKILL while the writers keep saving: no shutdown hook, no close. Whatever the child printed after
            // the ids read so far is not checked; those read were all acknowledged.
            child.destroyForcibly();
            child.waitFor();
        } finally {
            child.destroyForcibly();
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);

        try (SqlRunStore store = SqlRunStore.open(HistoryDatabase.sqlite(db, true),
                new SqlRunStore.Settings(1, Integer.MAX_VALUE, null))) {
            List<String> lost = acknowledged.stream().filter(id -> store.find(id).isEmpty()).toList();
            assertThat(lost).as("acknowledged runs missing after kill -9").isEmpty();
            assertThat(store.count()).isGreaterThanOrEqualTo(acknowledged.size());
        }
    }
}
