package io.cascadence.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Cron schedules as a user meets them: set over HTTP and {@code bin/task}, fired on the minute as runs with trigger
 * {@code cron}, kept in {@code data/schedules.yml} across stops, kills and backend switches, and missed fires caught
 * up once after a crash.
 *
 * <p>It runs beside the other classes ({@code junit-platform.properties}): most of its time is spent waiting for
 * real minute boundaries, and its installations are its own.
 */
@Execution(ExecutionMode.CONCURRENT)
class ScheduleIT {

    private static final Path HELLO = Path.of(System.getProperty("hello.jar"));
    private static final String EVERY_MINUTE = "* * * * *";
    /** Everything the fire test does before its first fire must fit before the minute boundary. */
    private static final Duration BEFORE_FIRST_FIRE = Duration.ofSeconds(25);

    /**
     * Two installations share the same two minute boundaries, since waiting for real minutes is what costs here.
     * {@code onTime} schedules {@code example} every minute, is switched to the {@code base} backend and back, fires
     * at the first boundary, is killed right after it and stays down across the second. {@code crashed} schedules
     * the same and is killed before the first boundary, so it is down across both. After the restarts each has
     * exactly one catch-up, due at the second boundary, and {@code onTime} does not repeat the fire it ran.
     */
    @Test
    void firesOnTheMinuteSurvivesABackendSwitchAndCatchesUpMissedMinutesOnceAfterAKill() throws IOException {
        Installation onTime = Installation.copy("schedule-on-time");
        Installation.dropInto(HELLO, onTime.plugins().resolve("hello.jar"));
        Installation crashed = Installation.copy("schedule-crashed");
        ContainerProcess onTimeContainer = onTime.start();
        ContainerProcess crashedContainer = crashed.start();
        try {
            if (Duration.between(Instant.now(), nextMinute(Instant.now())).compareTo(BEFORE_FIRST_FIRE) < 0) {
                sleepUntil(nextMinute(Instant.now()).plusSeconds(1));
            }
            Instant first = nextMinute(Instant.now());
            Instant second = first.plus(1, ChronoUnit.MINUTES);

            // crashed: a schedule whose container dies before it ever fires.
            Instant scheduledAt = Instant.now();
            assertThat(schedule(crashedContainer.http, "example", EVERY_MINUTE).status()).isEqualTo(200);
            Await.until("data/schedules.state says the engine looked past " + scheduledAt,
                    () -> watermark(crashed) != null && !watermark(crashed).isBefore(scheduledAt));
            crashedContainer.kill();

            // onTime: set two schedules, see them, switch the backend to base and back before the first fire.
            Http http = onTimeContainer.http;
            Http.Response scheduled = schedule(http, "example", EVERY_MINUTE);
            assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);
            assertThat(scheduled.json().path("status").asText()).isEqualTo("scheduled");
            assertThat(scheduled.json().path("expression").asText()).isEqualTo(EVERY_MINUTE);
            assertThat(scheduled.json().path("next_fire_at").asText()).isEqualTo(first.toString());
            assertThat(schedule(http, "hello", "0 0 1 1 *").status()).isEqualTo(200);
            JsonNode example = schedule(http, "example");
            assertThat(example.path("source").asText()).isEqualTo("file");
            assertThat(example.path("state").asText()).isEqualTo("active");
            assertThat(example.path("misfire").asText()).isEqualTo("run_once");
            assertThat(example.path("next_fire_at").asText()).isEqualTo(first.toString());
            assertThat(schedule(http, "hello").path("next_fire_at").asText())
                    .isEqualTo(LocalDate.now(ZoneOffset.UTC).withDayOfYear(1).plusYears(1).atStartOfDay()
                            .toInstant(ZoneOffset.UTC).toString());
            byte[] file = Files.readAllBytes(schedulesYml(onTime));

            setBackend(onTime, "base");
            Await.until("every schedule listed as not_run_by_backend under the base backend", () -> {
                JsonNode kept = http.get("/schedules").json();
                assertThat(tasks(kept)).containsExactly("example", "hello");
                kept.forEach(s -> {
                    assertThat(s.path("state").asText()).as(s.toString()).isEqualTo("not_run_by_backend");
                    assertThat(s.path("next_fire_at").isNull()).as(s.toString()).isTrue();
                });
                return true;
            });
            Http.Response refused = schedule(http, "example", "5 * * * *");
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.json().path("detail").asText())
                    .contains("'base' scheduler backend does not run schedules");
            Await.until("/health warns that the base backend keeps the schedules without firing them",
                    () -> http.get("/health").json().path("warnings").toString()
                            .contains("2 schedules are kept but not fired: backend 'base' does not run schedules"));
            assertThat(schedulesYml(onTime)).hasBinaryContent(file);

            setBackend(onTime, "cron");
            Await.until("example active again, next fire " + first,
                    () -> first.toString().equals(schedule(http, "example").path("next_fire_at").asText()));
            assertThat(tasks(http.get("/schedules").json())).containsExactly("example", "hello");
            assertThat(schedule(http, "hello").path("state").asText()).isEqualTo("active");
            Await.until("the /health warning gone",
                    () -> HealthWarnings.besidesUnauthenticatedWebhooks(http.get("/health").json()).isEmpty());
            assertThat(schedulesYml(onTime)).hasBinaryContent(file);
            assertThat(Instant.now()).as("all of the above before the first fire").isBefore(first);
            assertThat(cronRuns(http, "example")).isEmpty();

            // The fire on the first boundary.
            Await.until(Duration.between(Instant.now(), first.plusSeconds(70)),
                    () -> "a cron run of example due " + first + " in GET /runs?trigger=cron",
                    () -> cronRuns(http, "example").stream().anyMatch(r -> r.path("status").asText().equals("success")));
            List<JsonNode> fired = cronRuns(http, "example");
            assertThat(fired).hasSize(1);
            JsonNode run = fired.get(0);
            assertThat(run.path("trigger").asText()).isEqualTo("cron");
            assertThat(run.path("due_at").asText()).isEqualTo(first.toString());
            assertThat(Instant.parse(run.path("started_at").asText())).isAfterOrEqualTo(first);
            assertThat(schedule(http, "example").path("next_fire_at").asText()).isEqualTo(second.toString());
            String runId = run.path("run_id").asText();
            Await.until("the fire's audit event (stage schedule, run " + runId + ") in data/stages.yml",
                    () -> read(onTime.home.resolve("data/stages.yml")).contains("fired: due " + first)
                            && read(onTime.home.resolve("data/stages.yml")).contains(runId));
            onTimeContainer.kill();
            assertThat(Instant.now()).as("onTime killed before the second fire").isBefore(second);

            // Both stay down across the second boundary (real time: nothing to poll but the clock).
            sleepUntil(second.plusSeconds(2));
            Instant restarted = Instant.now();
            onTimeContainer = onTime.start();
            crashedContainer = crashed.start();

            assertThat(caughtUp(crashed, crashedContainer.http, restarted))
                    .as("one catch-up for the two missed minutes, due at the latest").singleElement()
                    .satisfies(r -> assertCaughtUp(r, second));
            List<JsonNode> after = caughtUp(onTime, onTimeContainer.http, restarted);
            assertThat(after).as("the fire that ran, then one catch-up, and no second run of the first")
                    .extracting(r -> r.path("due_at").asText()).containsExactly(second.toString(), first.toString());
            assertCaughtUp(after.get(0), second);
            Await.until("the catch-up's audit event in data/stages.yml", () -> read(crashed.home
                    .resolve("data/stages.yml")).contains("caught up (missed fire): due " + second));

            // The schedules outlived the kill, in GET /schedules and bin/task schedules.
            Instant third = second.plus(1, ChronoUnit.MINUTES);
            assertThat(tasks(onTimeContainer.http.get("/schedules").json())).containsExactly("example", "hello");
            assertThat(onTime.task("schedules").stdout().lines().toList()).startsWith(
                    "example\t" + EVERY_MINUTE + "\t" + third);
            assertThat(schedulesYml(onTime)).hasBinaryContent(file);
        } finally {
            onTimeContainer.close();
            crashedContainer.close();
        }
    }

    @Test
    void aRefusedScheduleIs400NamingTheFieldAndChangesNothing() throws IOException {
        Installation installation = Installation.copy("schedule-refusals");
        try (ContainerProcess container = installation.start()) {
            Http http = container.http;
            assertThat(schedule(http, "example", "0 9 * * MON-FRI").status()).isEqualTo(200);
            byte[] file = Files.readAllBytes(schedulesYml(installation));
            String listed = http.get("/schedules").body();

            assertThat(refusal(schedule(http, "example", "61 * * * *"))).startsWith("minute field '61'")
                    .contains("accepted: 0-59");
            assertThat(refusal(schedule(http, "example", "*/0 * * * *"))).startsWith("minute field '*/0'")
                    .contains("step");
            assertThat(refusal(schedule(http, "example", "0 0 31 2 *"))).startsWith("day-of-month field '31'")
                    .contains("never fire");
            assertThat(refusal(schedule(http, "example", "0 0 * * * *"))).contains("has 6 fields: expected 5");
            assertThat(refusal(http.post("/tasks/example/schedule?expression=" + encode(EVERY_MINUTE)
                    + "&timezone=Mars/Olympus"))).startsWith("timezone 'Mars/Olympus' is not a known time zone");
            assertThat(refusal(http.post("/tasks/example/schedule?expression=" + encode(EVERY_MINUTE)
                    + "&misfire=sometimes"))).contains("misfire").contains("run_once");
            assertThat(refusal(http.post("/tasks/example/schedule"))).startsWith("expression query parameter is "
                    + "required");
            Http.Response unknown = schedule(http, "no-such-task", EVERY_MINUTE);
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.json().path("detail").asText()).isEqualTo("Unknown task: no-such-task");

            Installation.CommandResult cli = installation.task("schedule", "example", "61 * * * *");
            assertThat(cli.exitCode()).as(cli.stderr()).isEqualTo(1);
            assertThat(cli.stderr()).startsWith("error: minute field '61'");
            assertThat(cli.stdout()).isEmpty();

            assertThat(schedulesYml(installation)).hasBinaryContent(file);
            assertThat(http.get("/schedules").body()).isEqualTo(listed);
        }
    }

    /**
     * A hand-written schedules.yml with one good and one bad entry: the good one loads, the bad one is on /health and
     * stays in the file through later writes and restarts, and a schedule set over HTTP outlives a stop.
     */
    @Test
    void schedulesAreKeptAcrossAStopAndABadEntryIsReportedButNeverLost() throws IOException {
        Installation installation = Installation.copy("schedule-file");
        Installation.dropInto(HELLO, installation.plugins().resolve("hello.jar"));
        Path file = schedulesYml(installation);
        // Fire times about twelve hours away (and the next new year), so that no fire time passes while it runs.
        ZonedDateTime away = ZonedDateTime.now(ZoneOffset.UTC).plusHours(12).truncatedTo(ChronoUnit.HOURS);
        String expression = "30 " + away.getHour() + " * * *";
        Files.writeString(file, "example: '" + expression + "'\nnightly:\n  expr: '61 * * * *'\n  misfire: skip\n");
        String nextExample = away.withMinute(30).toInstant().toString();
        String nextNewYear = LocalDate.now(ZoneOffset.UTC).plusYears(1).withDayOfYear(1).atStartOfDay()
                .toInstant(ZoneOffset.UTC).toString();
        String badEntryWarning = file + ": 'nightly': minute field '61'";

        try (ContainerProcess container = installation.start()) {
            Http http = container.http;
            assertThat(tasks(http.get("/schedules").json())).containsExactly("example");
            JsonNode example = schedule(http, "example");
            assertThat(example.path("expression").asText()).isEqualTo(expression);
            assertThat(example.path("source").asText()).as("the file's, not the service's 0 12 * * *")
                    .isEqualTo("file");
            assertThat(example.path("next_fire_at").asText()).isEqualTo(nextExample);
            assertThat(http.get("/health").json().path("warnings").toString()).contains(badEntryWarning);

            assertThat(schedule(http, "hello", "@yearly").status()).isEqualTo(200);
            assertThat(read(file)).contains("nightly:", "61 * * * *", "hello:");
            assertThat(container.stop()).as("the exit status of a SIGTERM, as LifecycleIT expects").isEqualTo(143);
        }
        assertThat(read(file)).contains("nightly:", "61 * * * *", "misfire: skip");
        // Without a running container bin/task reads the same file.
        assertThat(installation.task("schedules").stdout().lines().toList()).containsExactly(
                "example\t" + expression + "\t" + nextExample, "hello\t@yearly\t" + nextNewYear);

        try (ContainerProcess container = installation.start()) {
            Http http = container.http;
            assertThat(tasks(http.get("/schedules").json())).containsExactly("example", "hello");
            assertThat(schedule(http, "hello").path("next_fire_at").asText()).isEqualTo(nextNewYear);
            assertThat(installation.task("schedules").stdout().lines().toList()).containsExactly(
                    "example\t" + expression + "\t" + nextExample, "hello\t@yearly\t" + nextNewYear);
            assertThat(http.get("/health").json().path("warnings").toString()).contains(badEntryWarning);
        }
        assertThat(read(file)).contains("nightly:", "61 * * * *");
    }

    static Http.Response schedule(Http http, String task, String expression) {
        return http.post("/tasks/" + task + "/schedule?expression=" + encode(expression));
    }

    /** The task's entry in GET /schedules/{task}. */
    private static JsonNode schedule(Http http, String task) {
        Http.Response response = http.get("/schedules/" + task);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> tasks(JsonNode schedules) {
        List<String> tasks = new ArrayList<>();
        schedules.forEach(s -> tasks.add(s.path("task").asText()));
        return tasks;
    }

    /** The task's top-level cron runs, newest first. */
    private static List<JsonNode> cronRuns(Http http, String task) {
        Http.Response runs = http.get("/runs?trigger=cron&task=" + task + "&limit=100");
        assertThat(runs.status()).as(runs.body()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        runs.json().forEach(list::add);
        return list;
    }

    /**
     * The example's cron runs once the restarted engine has handed over everything due up to its start: its
     * watermark in data/schedules.state, which never passes a fire whose run is not recorded, is past that moment.
     */
    private static List<JsonNode> caughtUp(Installation installation, Http http, Instant restarted) {
        Await.until("data/schedules.state of " + installation.home + " past the restart at " + restarted,
                () -> watermark(installation) != null && watermark(installation).isAfter(restarted));
        Await.until("every cron run of example ended", () -> cronRuns(http, "example").stream()
                .allMatch(r -> r.path("status").asText().equals("success")));
        return cronRuns(http, "example");
    }

    private static void assertCaughtUp(JsonNode run, Instant due) {
        assertThat(run.path("trigger").asText()).isEqualTo("cron");
        assertThat(run.path("due_at").asText()).isEqualTo(due.toString());
        assertThat(Instant.parse(run.path("started_at").asText())).as("started later than due")
                .isAfter(due.plusSeconds(1));
    }

    private static Instant watermark(Installation installation) {
        Path state = installation.home.resolve("data/schedules.state");
        if (!Files.exists(state)) {
            return null;
        }
        String text = read(state).strip();
        return text.startsWith("last_checked: ") ? Instant.parse(text.substring("last_checked: ".length())) : null;
    }

    private static void setBackend(Installation installation, String backend) {
        Installation.writeAtomically(installation.config().resolve("io.cascadence.cfg"), "backend = " + backend + "\n");
    }

    private static String refusal(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return response.json().path("detail").asText();
    }

    static Path schedulesYml(Installation installation) {
        return installation.home.resolve("data/schedules.yml");
    }

    private static Instant nextMinute(Instant now) {
        return now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
    }

    /** Waits for a moment of real time: a minute boundary a cron schedule is defined by. */
    private static void sleepUntil(Instant moment) {
        long millis = Duration.between(Instant.now(), moment).toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
