package io.cascadence.web.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cascadence.api.BackendUnavailableException;
import io.cascadence.api.CascadenceException;
import io.cascadence.api.InvalidRequestException;
import io.cascadence.api.RunRecord;
import io.cascadence.api.RunRejectedException;
import io.cascadence.api.RunStateException;
import io.cascadence.api.StoreFullException;
import io.cascadence.api.StoreUnavailableException;
import io.cascadence.api.TaskFailedException;
import io.cascadence.api.TaskStateException;
import io.cascadence.api.UnknownRunException;
import io.cascadence.api.UnknownTaskException;
import io.cascadence.api.schedule.InvalidScheduleException;
import io.cascadence.api.schedule.SchedulingUnsupportedException;
import io.cascadence.api.schedule.UnknownScheduleException;

/** The one mapping from Cascadence's exceptions to HTTP answers. */
class ErrorsTest {

    /** Every exception a client can cause or meet, with the status it must get. */
    private static Map<CascadenceException, Integer> expected() {
        Map<CascadenceException, Integer> expected = new LinkedHashMap<>();
        expected.put(new CascadenceException("'x' is not a pointer task"), 400);
        expected.put(new InvalidRequestException("limit is '0'"), 400);
        expected.put(new UnknownTaskException("nope"), 404);
        expected.put(new UnknownRunException("r1", "Unknown run"), 404);
        expected.put(new TaskStateException("t", "paused"), 409);
        expected.put(new RunStateException("r1", "run r1 has ended"), 409);
        expected.put(new RunRejectedException(RunRejectedException.Reason.QUEUE_FULL, "full"), 429);
        expected.put(new RunRejectedException(RunRejectedException.Reason.STOPPING, "stopping"), 503);
        expected.put(new BackendUnavailableException("temporal", "not installed"), 503);
        expected.put(new StoreUnavailableException("data/tasks.yml", "permission denied"), 503);
        expected.put(new TaskFailedException("t", "r1", "run", RunRecord.ERROR, "boom", null), 400);
        expected.put(new TaskFailedException("t", "r1", "run", RunRecord.TIMED_OUT, "late", null), 400);
        expected.put(new TaskFailedException("t", "r1", "run", RunRecord.CANCELLED, "cancelled", null), 400);
        expected.put(new TaskFailedException("t", "r1", "run", RunRecord.INTERRUPTED, "stopped", null), 503);
        expected.put(new BodyTooLargeException(10, 20), 413);
        expected.put(new InvalidScheduleException("minute field '61' is not valid"), 400);
        expected.put(new UnknownScheduleException("report"), 404);
        expected.put(new SchedulingUnsupportedException("base"), 409);
        expected.put(new SchedulesUnavailableException(), 503);
        expected.put(new StoreFullException("task 'p' holds 10000 pointers"), 507);
        expected.put(new ScopeDeniedException("cannot access requested user scope"), 403);
        return expected;
    }

    @Test
    void everyExceptionGetsItsStatus() {
        expected().forEach((e, status) -> assertThat(Errors.status(e)).as(e.toString()).isEqualTo(status));
    }

    @Test
    void everyExceptionTypeOfTheApiIsMappedOnPurpose() throws IOException, URISyntaxException {
        Path api = Path.of(CascadenceException.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> declared = new java.util.HashSet<>();
        for (String folder : new String[] {"io/cascadence/api/", "io/cascadence/api/schedule/"}) {
            String pkg = folder.replace('/', '.');
            if (Files.isDirectory(api)) {
                try (Stream<Path> files = Files.list(api.resolve(folder))) {
                    declared.addAll(names(pkg, files.map(f -> f.getFileName().toString())));
                }
            } else {
                try (java.util.jar.JarFile jar = new java.util.jar.JarFile(api.toFile())) {
                    declared.addAll(names(pkg, jar.stream().map(e -> e.getName())
                            .filter(n -> n.startsWith(folder) && n.indexOf('/', folder.length()) < 0)
                            .map(n -> n.substring(folder.length()))));
                }
            }
        }
        Set<String> mapped = expected().keySet().stream().map(e -> e.getClass().getName()).collect(Collectors.toSet());

        assertThat(declared).as("CascadenceException types of the API; add each new one to expected()")
                .isNotEmpty().allSatisfy(type -> assertThat(mapped).contains(type));
    }

    private static Set<String> names(String pkg, Stream<String> classFiles) {
        return classFiles.filter(f -> f.endsWith("Exception.class"))
                .map(f -> pkg + f.substring(0, f.length() - ".class".length()))
                .filter(ErrorsTest::isCascadenceException)
                .collect(Collectors.toSet());
    }

    private static boolean isCascadenceException(String className) {
        try {
            return CascadenceException.class.isAssignableFrom(Class.forName(className));
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Test
    void theAnswerIsTheJsonShapeWithTheMessageAndARunsFailureCarriesItsRun() throws IOException {
        Fakes.Response queueFull = new Fakes.Response();
        Errors.write(queueFull.proxy, new RunRejectedException(RunRejectedException.Reason.QUEUE_FULL,
                "32 runs are running and 1000 are waiting"));

        assertThat(queueFull.status).isEqualTo(429);
        assertThat(queueFull.contentType).isEqualTo("application/json");
        assertThat(queueFull.headers).containsEntry("Retry-After", "1");
        assertThat(json(queueFull)).isEqualTo(json("{\"status\":429,"
                + "\"detail\":\"32 runs are running and 1000 are waiting\"}"));

        Fakes.Response failed = new Fakes.Response();
        Errors.write(failed.proxy, new TaskFailedException("t", "r1", "verify", RunRecord.TIMED_OUT, "late", null));

        assertThat(json(failed)).isEqualTo(json("{\"status\":400,\"detail\":\"late\",\"run_id\":\"r1\","
                + "\"stage\":\"verify\",\"run_status\":\"timed_out\"}"));
    }

    private static JsonNode json(Fakes.Response response) throws IOException {
        return json(response.text());
    }

    private static JsonNode json(String text) throws IOException {
        return new ObjectMapper().readTree(text);
    }
}
