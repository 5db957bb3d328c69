package io.cascadence.scheduler.impl.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cascadence.api.Identity;
import io.cascadence.api.StoreUnavailableException;
import io.cascadence.api.TaskProperties;
import io.cascadence.api.schedule.InvalidScheduleException;
import io.cascadence.api.schedule.Schedule;
import io.cascadence.api.schedule.ScheduleInfo;
import io.cascadence.api.schedule.UnknownScheduleException;

class ScheduleBookTest {

    @TempDir
    Path dir;

    private Path path;
    private ScheduleBook book;
    private final List<String> told = new ArrayList<>();

    @BeforeEach
    void setUp() {
        path = dir.resolve("schedules.yml");
        book = newBook();
    }

    private ScheduleBook newBook() {
        ScheduleBook fresh = new ScheduleBook(new ScheduleFile(path, () -> "s"));
        fresh.addListener(told::add);
        fresh.load();
        return fresh;
    }

    private static Map<String, Object> declaring(String expression) {
        return Map.of(TaskProperties.TASK_NAME, "t", TaskProperties.TASK_SCHEDULE, expression);
    }

    @Test
    void aScheduleSetByAUserWinsOverTheOneItsServiceDeclares() {
        book.serviceAdded("t", declaring("0 * * * *"), "service 7 (bundle plugin)");
        assertThat(book.source("t")).isEqualTo(ScheduleInfo.SERVICE);

        book.set(Schedule.of("t", "@daily"));

        assertThat(book.effective("t")).contains(Schedule.of("t", "@daily"));
        assertThat(book.source("t")).isEqualTo(ScheduleInfo.FILE);

        book.remove("t");

        assertThat(book.effective("t")).contains(Schedule.of("t", "0 * * * *"));
        assertThat(book.source("t")).isEqualTo(ScheduleInfo.SERVICE);
    }

    @Test
    void aServiceScheduleGoesWithItsServiceAndComesBackWithIt() {
        book.serviceAdded("t", declaring("0 * * * *"), "service 7");
        told.clear();

        book.serviceRemoved("t");

        assertThat(book.effective("t")).isEmpty();
        assertThat(book.present("t")).isFalse();
        assertThat(book.scheduledTasks()).isEmpty();
        assertThat(told).containsExactly("t");

        book.serviceAdded("t", declaring("0 * * * *"), "service 8");

        assertThat(book.effective("t")).contains(Schedule.of("t", "0 * * * *"));
        assertThat(book.present("t")).isTrue();
        assertThat(told).containsExactly("t", "t");
    }

    @Test
    void aFileScheduleStaysWhileItsTaskIsAbsentAndSurvivesARestart() {
        book.set(Schedule.of("t", "@daily").withIdentity(new Identity("alice", "ops")));

        ScheduleBook restarted = newBook();

        assertThat(restarted.effective("t")).contains(Schedule.of("t", "@daily")
                .withIdentity(new Identity("alice", "ops")));
        assertThat(restarted.present("t")).isFalse();
        assertThat(restarted.scheduledTasks()).containsExactly("t");
    }

    @Test
    void everyRegisteredServiceMakesItsTaskPresentWithOrWithoutASchedule() {
        book.serviceAdded("plain", Map.of(), "service 3");

        assertThat(book.present("plain")).isTrue();
        assertThat(book.effective("plain")).isEmpty();
        assertThat(book.source("plain")).isNull();
    }

    @Test
    void unschedulingWhatTheFileDoesNotKeepIsRefused() {
        assertThatThrownBy(() -> book.remove("nobody")).isInstanceOf(UnknownScheduleException.class)
                .hasMessage("Unknown schedule: nobody");

        book.serviceAdded("t", declaring("0 * * * *"), "service 7");

        assertThatThrownBy(() -> book.remove("t")).isInstanceOf(UnknownScheduleException.class)
                .hasMessageStartingWith("Unknown schedule: t")
                .hasMessageContaining("plugin").hasMessageContaining("pause or disable");
        assertThat(book.effective("t")).isPresent();
    }

    @Test
    void aFailedWriteChangesNothing() throws IOException {
        book.set(Schedule.of("t", "@daily"));
        String before = Files.readString(path);
        Files.createDirectories(dir.resolve("schedules.yml.ctx").resolve("in-the-way"));
        told.clear();

        assertThatThrownBy(() -> book.set(Schedule.of("t", "@hourly").withIdentity(new Identity("alice", null))))
                .isInstanceOf(StoreUnavailableException.class);

        assertThat(book.effective("t")).contains(Schedule.of("t", "@daily"));
        assertThat(Files.readString(path)).isEqualTo(before);
        assertThat(told).isEmpty();
    }

    @Test
    void aFileThatIsNotYamlRefusesChangesAndStaysAsItWas() throws IOException {
        Files.writeString(path, "{ not yaml");
        ScheduleBook broken = newBook();

        assertThat(broken.problems()).singleElement().asString().startsWith(path + ": it is not valid YAML");
        assertThatThrownBy(() -> broken.set(Schedule.of("t", "@daily")))
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(broken.effective("t")).isEmpty();
        assertThat(Files.readString(path)).isEqualTo("{ not yaml");
    }

    @Test
    void aBadEntryIsReportedAndGoesOnlyWhenItsTaskIsUnscheduled() throws IOException {
        Files.writeString(path, "good: '@daily'\nreport: '61 * * * *'\n");
        book = newBook();
        assertThat(book.problems()).singleElement().asString().startsWith(path + ": 'report': minute field '61'");

        book.set(Schedule.of("other", "@hourly"));
        assertThat(Files.readString(path)).contains("report: '61 * * * *'");
        assertThat(book.problems()).as("still there for /health").hasSize(1);
        assertThatThrownBy(() -> book.setDependencies("report", List.of("good")))
                .isInstanceOf(InvalidScheduleException.class).hasMessageContaining("'report'");

        book.remove("report");

        assertThat(Files.readString(path)).doesNotContain("report");
        assertThat(book.problems()).as("gone from /health at once, not at the next start").isEmpty();
        assertThat(newBook().problems()).isEmpty();
    }

    @Test
    void aCycleIsRefusedWithItsPathAndNothingIsWritten() throws IOException {
        book.setDependencies("A", List.of("B"));
        book.serviceAdded("B", Map.of(TaskProperties.TASK_DEPENDENCIES, new String[] {"C"}), "service 9");
        String before = Files.readString(path);

        assertThatThrownBy(() -> book.setDependencies("C", List.of("A")))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessage("Cyclic dependency detected: C -> A -> B -> C");

        assertThat(Files.readString(path)).isEqualTo(before);
        assertThat(book.dependencies()).isEqualTo(Map.of("A", List.of("B"), "B", List.of("C")));
    }

    @Test
    void dependenciesLiveBesideTheScheduleAndOnTheirOwn() throws IOException {
        book.setDependencies("report", List.of("fetch", "clean"));
        assertThat(Files.readString(path)).isEqualTo("report:\n  deps:\n  - fetch\n  - clean\n");

        book.set(Schedule.of("report", "@daily"));
        book.remove("report");

        assertThat(newBook().dependencies()).isEqualTo(Map.of("report", List.of("fetch", "clean")));
        assertThat(newBook().effective("report")).isEmpty();

        book.setDependencies("report", List.of());

        assertThat(Files.readString(path)).isEqualTo("{}\n");
    }

    @Test
    void theFilesDependenciesWinOverTheServicesPerTask() {
        book.serviceAdded("A", Map.of(TaskProperties.TASK_DEPENDENCIES, "B, C"), "service 1");
        assertThat(book.graph().order("A")).containsExactly("B", "C", "A");

        book.setDependencies("A", List.of("C"));

        assertThat(book.graph().order("A")).containsExactly("C", "A");
    }

    @Test
    void aMalformedServicePropertyIsReportedNamingTheServiceAndIgnored() {
        List<String> warnings = book.serviceAdded("t", Map.of(TaskProperties.TASK_SCHEDULE, "every day",
                TaskProperties.TASK_DEPENDENCIES, List.of("ok", "not ok!")), "service 12 (bundle acme.reports)");

        assertThat(warnings).hasSize(2).allSatisfy(w -> assertThat(w).contains("service 12 (bundle acme.reports)"));
        assertThat(warnings.get(0)).contains(TaskProperties.TASK_SCHEDULE, "'every day'");
        assertThat(book.effective("t")).isEmpty();
        assertThat(book.graph().prerequisites("t")).isEmpty();
        assertThat(book.present("t")).isTrue();
        assertThat(book.problems()).containsAll(warnings);

        book.serviceRemoved("t");

        assertThat(book.problems()).isEmpty();
    }

    @Test
    void aCycleClosedByAServiceIsReportedUntilADeclarationBreaksIt() {
        book.setDependencies("B", List.of("A"));

        List<String> warnings = book.serviceAdded("A", Map.of(TaskProperties.TASK_SCHEDULE, "@daily",
                TaskProperties.TASK_DEPENDENCIES, "B"), "service 5");

        assertThat(warnings).isEmpty();
        assertThat(book.effective("A")).isPresent();
        assertThat(book.problems()).singleElement().asString().contains("Cyclic dependency detected: A -> B -> A");
        assertThatThrownBy(() -> book.graph().order("A")).hasMessageContaining("A -> B -> A");

        book.setDependencies("B", List.of());

        assertThat(book.problems()).isEmpty();
        assertThat(book.graph().order("A")).containsExactly("B", "A");
    }

    @Test
    void loadingTellsListenersAboutEveryTaskInTheFile() throws IOException {
        Files.writeString(path, "a: '@daily'\nb: {deps: [a]}\n");
        told.clear();

        List<String> problems = book.load();

        assertThat(problems).isEmpty();
        assertThat(told).containsExactly("a", "b");
        assertThat(book.scheduledTasks()).containsExactly("a");
    }

    @Test
    void concurrentChangesAreAllKept() throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String task = "t" + i;
            Thread thread = new Thread(() -> {
                book.set(Schedule.of(task, "@daily"));
                book.setDependencies(task, List.of("prep"));
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }

        ScheduleBook restarted = newBook();

        assertThat(restarted.scheduledTasks()).hasSize(8);
        assertThat(restarted.dependencies()).hasSize(8);
    }
}
