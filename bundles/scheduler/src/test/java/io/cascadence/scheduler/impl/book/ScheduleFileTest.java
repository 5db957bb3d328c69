package io.cascadence.scheduler.impl.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import io.cascadence.api.Identity;
import io.cascadence.api.StoreUnavailableException;
import io.cascadence.api.schedule.CronExpression;
import io.cascadence.api.schedule.MisfirePolicy;
import io.cascadence.api.schedule.OverlapPolicy;
import io.cascadence.api.schedule.Schedule;

class ScheduleFileTest {

    private static final String SECRET = "s";
    private static final String ALICE_HASH = "5e0f217ada7a7a57cce1f1eff23dcba38e99c668961e5e4ffeed5d62c9905245";
    private static final String HASH_B = "b".repeat(64);

    @TempDir
    Path dir;

    private Path path() {
        return dir.resolve("schedules.yml");
    }

    private ScheduleFile file() {
        return new ScheduleFile(path(), () -> SECRET);
    }

    private void givenFile(String text) throws IOException {
        Files.writeString(path(), text);
    }

    private String text() throws IOException {
        return Files.readString(path());
    }

    @Test
    void theOriginalsExampleFileLoadsAndIsWrittenBackAsTheOriginalWroteIt() throws IOException {
        String original = "A: '*/5 * * * *'\n"
                + "B:\n  expr: 0 9 * * MON-FRI\n  group_hash: " + HASH_B + "\n  user_hash: " + ALICE_HASH + "\n";
        givenFile(original);
        ScheduleFile file = file();

        ScheduleFile.Loaded loaded = file.load();

        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.entries().get("A").schedule()).isEqualTo(Schedule.of("A", "*/5 * * * *"));
        BookEntry b = loaded.entries().get("B");
        assertThat(b.schedule().expression().text()).isEqualTo("0 9 * * MON-FRI");
        // Without the sidecar the plain ids are unknown, but the hashes must survive a rewrite.
        assertThat(b.schedule().identity()).isEqualTo(Identity.ANONYMOUS);
        file.write(loaded.entries().values(), null);
        assertThat(text()).isEqualTo(original);
        assertThat(file.sidecarPath()).doesNotExist();
    }

    @Test
    void theSidecarGivesTheOriginalsEntryTheIdentityItRunsAs() throws IOException {
        givenFile("B: {expr: 0 9 * * MON-FRI, user_hash: " + ALICE_HASH + ", group_hash: " + HASH_B + "}\n");
        Files.writeString(dir.resolve("schedules.yml.ctx"), "B: {user_id: alice, group_id: ops}\n");

        BookEntry b = file().load().entries().get("B");

        assertThat(b.schedule().identity()).isEqualTo(new Identity("alice", "ops"));
    }

    @Test
    void everyShapeRoundTrips() throws IOException {
        Schedule full = new Schedule("full", CronExpression.parse("30 1 * * *"), ZoneId.of("Europe/Paris"),
                new Identity("alice", "ops"), MisfirePolicy.RUN_ALL, OverlapPolicy.QUEUE_ONE);
        List<BookEntry> entries = List.of(
                BookEntry.of(Schedule.of("bare", "@daily")),
                new BookEntry("full", full, List.of("bare", "prep"), null, null),
                new BookEntry("depsOnly", null, List.of("full"), null, null),
                BookEntry.of(Schedule.of("userOnly", "0 * * * *").withIdentity(new Identity("bob", null))));
        file().write(entries, null);

        ScheduleFile.Loaded loaded = file().load();

        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.entries().values()).containsExactlyInAnyOrderElementsOf(entries);
        assertThat(text()).startsWith("bare: '@daily'\ndepsOnly:\n  deps:\n  - full\nfull:\n")
                .contains("  timezone: Europe/Paris\n", "  misfire: run_all\n", "  overlap: queue_one\n",
                        "  user_hash: " + ALICE_HASH + "\n")
                .doesNotContain("alice", "bob", "ops");
        assertThat(Files.readString(file().sidecarPath())).contains("user_id: alice", "group_id: ops",
                "user_id: bob");
    }

    @Test
    void theSidecarIsReadableByItsOwnerOnly() throws IOException {
        file().write(List.of(BookEntry.of(Schedule.of("t", "@daily").withIdentity(new Identity("alice", null)))),
                null);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file().sidecarPath())))
                .isEqualTo("rw-------");
    }

    @Test
    void plainIdsInTheFileAreMovedToTheSidecarOnTheNextWrite() throws IOException {
        givenFile("t: {expr: '@daily', user_id: alice, group_id: ops}\n");
        ScheduleFile file = file();
        ScheduleFile.Loaded loaded = file.load();

        file.write(loaded.entries().values(), null);

        assertThat(loaded.entries().get("t").schedule().identity()).isEqualTo(new Identity("alice", "ops"));
        assertThat(text()).contains("user_hash: " + ALICE_HASH).doesNotContain("alice", "user_id", "ops");
        assertThat(Files.readString(file.sidecarPath())).contains("user_id: alice", "group_id: ops");
    }

    @Test
    void aBadEntryIsReportedWhileTheOthersLoad() throws IOException {
        givenFile("good: '@daily'\nreport: '61 * * * *'\n");

        ScheduleFile.Loaded loaded = file().load();

        assertThat(loaded.entries()).containsOnlyKeys("good");
        assertThat(loaded.problems()).singleElement().asString()
                .startsWith(path() + ": 'report': minute field '61'");
    }

    @Test
    void aBadEntryStaysInTheFileWhenAnotherIsWrittenUntilItsTaskIsUnscheduled() throws IOException {
        givenFile("good: '@daily'\n"
                + "report:\n  expr: 0 9 * * *\n  timezone: Mars/Olympus\n  user_hash: " + ALICE_HASH + "\n");
        Files.writeString(dir.resolve("schedules.yml.ctx"), "report: {user_id: alice}\n");
        Object before = yamlValue("report");
        ScheduleFile file = file();
        List<BookEntry> entries = new ArrayList<>(file.load().entries().values());
        entries.add(BookEntry.of(Schedule.of("added", "@hourly")));

        file.write(entries, null);

        assertThat(yamlValue("report")).isEqualTo(before);
        assertThat(yamlValue("added")).isEqualTo("@hourly");
        assertThat(Files.readString(file.sidecarPath())).contains("alice");
        assertThat(file().load().problems()).singleElement().asString().contains("'report'", "Mars/Olympus");

        file.write(entries, "report");

        assertThat(yamlValue("report")).isNull();
        assertThat(file().load().problems()).isEmpty();
    }

    @Test
    void aFileThatIsNotYamlIsReportedAndNeverWrittenOver() throws IOException {
        String broken = "good: '@daily'\nbad: [unclosed\n";
        givenFile(broken);
        ScheduleFile file = file();

        ScheduleFile.Loaded loaded = file.load();

        assertThat(loaded.entries()).isEmpty();
        assertThat(loaded.problems()).singleElement().asString().startsWith(path() + ": it is not valid YAML");
        assertThatThrownBy(() -> file.write(List.of(BookEntry.of(Schedule.of("x", "@daily"))), null))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageStartingWith(path() + " cannot be written: it could not be read");
        assertThat(text()).isEqualTo(broken);
    }

    @Test
    void aFileThatIsNotAMappingIsNeverWrittenOver() throws IOException {
        givenFile("- A\n- B\n");
        ScheduleFile file = file();

        assertThat(file.load().problems()).singleElement().asString().contains("not a mapping");
        assertThatThrownBy(() -> file.write(List.of(), null)).isInstanceOf(StoreUnavailableException.class);
        assertThat(text()).isEqualTo("- A\n- B\n");
    }

    @Test
    void aMissingFileIsEmpty() {
        ScheduleFile.Loaded loaded = file().load();

        assertThat(loaded.entries()).isEmpty();
        assertThat(loaded.problems()).isEmpty();
    }

    @Test
    void aFailedWriteLeavesTheOldFilesAndNamesTheFile() throws IOException {
        givenFile("old: '@daily'\n");
        ScheduleFile file = file();
        file.load();
        // A non-empty folder where the sidecar belongs makes its rename fail, as a real I/O error would.
        Files.createDirectories(file.sidecarPath().resolve("in-the-way"));

        assertThatThrownBy(() -> file.write(List.of(
                BookEntry.of(Schedule.of("new", "@hourly").withIdentity(new Identity("alice", null)))), null))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageStartingWith(file.sidecarPath() + " cannot be written: ");
        assertThat(text()).isEqualTo("old: '@daily'\n");
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("schedules.yml",
                    "schedules.yml.ctx");
        }
    }

    @Test
    void hashingIsTheOriginals() {
        assertThat(new IdentityHash(() -> "").hash("alice"))
                .isEqualTo("2bd806c97f0e00af1a1fc3328fa763a9269723c8db8fac4f93af71db186d6e90");
        assertThat(new IdentityHash(() -> "s").hash("alice")).isEqualTo(ALICE_HASH);
        assertThat(new IdentityHash(() -> "s").hash(HASH_B)).isEqualTo(HASH_B);
    }

    @Test
    void tenThousandEntriesLoad() throws IOException {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            String expr = (i % 60) + " " + (i % 24) + " * * " + (i % 7);
            yaml.append("task-").append(i).append(i % 2 == 0 ? ": '" + expr + "'\n"
                    : ":\n  expr: " + expr + "\n  user_hash: " + ALICE_HASH + "\n  deps:\n  - task-" + (i - 1) + "\n");
        }
        givenFile(yaml.toString());

        // Not timed here (STYLE 23). Measured by hand on a busy 2-core machine: about 0.5-0.8 s warm and 1.2-2 s
        // in a fresh JVM; half is YAML parsing, half CronExpression.parse of the 840 distinct expressions.
        ScheduleFile.Loaded loaded = file().load();

        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.entries()).hasSize(10_000);
        assertThat(loaded.entries().get("task-9999").deps()).containsExactly("task-9998");
    }

    private Object yamlValue(String key) throws IOException {
        Map<?, ?> document = new Yaml().load(Files.readString(path(), StandardCharsets.UTF_8));
        return document.get(key);
    }
}
