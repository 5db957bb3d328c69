package io.cascadence.itests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The malformed requests {@link MalformedRequestsIT} sends, each with the answer it must get: unknown paths, every
 * route with the methods it does not take, bad percent-escapes and {@code %00}, path traversals, overlong URIs and
 * headers, bodies over {@code max_body_size} with and without a length, broken JSON, large forms, odd class paths,
 * requests Jetty rejects before any servlet, and wrong parameter values. None may change anything.
 */
final class MalformedProbes {

    static final String HEADER_LIMIT = "16384";
    static final String BODY_LIMIT = "1048576";

    private static final String BUNDLE = "io.cascadence.plugins.example";
    private static final String CLIENT = " (java.net.http)";

    /**
     * One malformed request and what it must get: its status, for a 405 the Allow header, and if not null a text
     * the detail must contain.
     */
    record Probe(String what, int status, String allow, String detail, Sender sender) {

        Probe(String what, int status, String allow, Sender sender) {
            this(what, status, allow, null, sender);
        }
    }

    @FunctionalInterface
    interface Sender {
        RawHttp.Answer send() throws IOException, InterruptedException;
    }

    private final RawHttp raw;
    private final ClientHttp http;

    MalformedProbes(RawHttp raw, ClientHttp http) {
        this.raw = raw;
        this.http = http;
    }

    List<Probe> all() {
        List<Probe> probes = new ArrayList<>();
        unknownPaths(probes);
        wrongMethods(probes);
        badEscapesAndNul(probes);
        traversals(probes);
        oversized(probes);
        bodies(probes);
        forms(probes);
        classPaths(probes);
        rejectedByJetty(probes);
        badParameters(probes);
        return probes;
    }

    private void unknownPaths(List<Probe> probes) {
        for (String path : List.of("/nope", "/task", "/tasks/example/run/extra",
                "/tasks/example/walk", "/TASKS", "/tasks/example/RUN", "/runs/r1/cancel/now", "/pointers",
                "/pointers/", "/pointers/example/receive/more", "/config/x", "/health/live", "/favicon.ico",
                "/.env", "/cascadence/tasks", "/tasks.json", "/nope?x=1")) {
            for (String method : List.of("GET", "POST", "DELETE")) {
                probes.add(new Probe(method + " " + path + CLIENT, 404, null,
                        () -> http.send(method, path, BodyPublishers.noBody(), Map.of())));
            }
            probes.add(new Probe("PUT " + path, 404, null, () -> raw.send(head("PUT", path))));
        }
    }

    /** Every route with every method it does not take: 405 with Allow listing what it takes. */
    private void wrongMethods(List<Probe> probes) {
        String post = "POST, OPTIONS";
        String get = "GET, HEAD, OPTIONS";
        String getPost = "GET, HEAD, POST, OPTIONS";
        Map<String, String> routes = new LinkedHashMap<>();
        routes.put("/tasks", getPost);
        for (String action : List.of("run", "run-async", "pause", "resume", "disable", "enable")) {
            routes.put("/tasks/example/" + action, post);
        }
        routes.put("/tasks/example", get);
        routes.put("/tasks/example/runs", get);
        routes.put("/dependencies", get);
        routes.put("/events", get);
        routes.put("/runs", get);
        routes.put("/runs/r1", get);
        routes.put("/runs/r1/cancel", post);
        routes.put("/pointers/example", getPost);
        routes.put("/pointers/example/receive", post);
        routes.put("/config", get);
        routes.put("/health", get);
        routes.forEach((path, allow) -> {
            for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH", "TRACE", "FOO", "PROPFIND")) {
                if (allow.contains(method)) {
                    continue;
                }
                probes.add(new Probe(method + " " + path, 405, allow, () -> raw.send(head(method, path))));
                if (!method.equals("TRACE")) {
                    probes.add(new Probe(method + " " + path + CLIENT, 405, allow,
                            () -> http.send(method, path, BodyPublishers.ofString("{}"), Map.of())));
                }
            }
        });
    }

    private void badEscapesAndNul(List<Probe> probes) {
        for (String path : List.of("/tasks/%zz/run", "/tasks/%", "/tasks/%4", "/tasks/%G0/run", "/runs/%%",
                "/pointers/%x1", "/health%zz", "/tasks/%00", "/runs/%00/cancel", "/pointers/a%00b",
                "/tasks/%C3%28/run", "/tasks/%FF", "/tasks/%u0041", "/tasks/x%09y", "/tasks/\u0001")) {
            probes.add(new Probe("GET " + path, 400, null, () -> raw.send(head("GET", path))));
            probes.add(new Probe("POST " + path, 400, null, () -> raw.send(head("POST", path))));
        }
        for (String target : List.of("/runs?status=%zz", "/runs?limit=%", "/runs?task=%4", "/runs?%zz",
                "/tasks?path=%E0%A4%A", "/tasks?path=%GG", "/runs?task=%FF", "/runs?task=%C3%28",
                "/tasks/example/runs?status=%ED%A0%80", "/pointers/example?run_id=%zz",
                "/runs?task=%00", "/tasks?path=a%00:b", "/tasks/example/runs?trigger=%0A",
                "/pointers/example/receive?run_id=1&user_hash=%7F")) {
            String method = target.startsWith("/runs") || target.contains("/runs?") ? "GET" : "POST";
            probes.add(new Probe(method + " " + target, 400, null, () -> raw.send(head(method, target))));
        }
        // %00 and bytes that are not UTF-8 are valid URI syntax, so an ordinary client sends them too.
        for (String target : List.of("/runs?task=%00", "/runs?status=%FF", "/tasks/example/runs?since=%00")) {
            probes.add(new Probe("GET " + target + CLIENT, 400, null,
                    () -> http.send("GET", target, BodyPublishers.noBody(), Map.of())));
        }
        probes.add(new Probe("POST /tasks?path=a%00:b" + CLIENT, 400, null,
                () -> http.send("POST", "/tasks?path=a%00:b", BodyPublishers.noBody(), Map.of())));
    }

    private void traversals(List<Probe> probes) {
        for (String path : List.of("/tasks/..%2f..%2fetc", "/tasks/..%2F..%2Fetc%2Fpasswd", "/../etc/passwd",
                "/tasks/../../etc", "/tasks/%2e%2e/%2e%2e/etc", "/tasks/..%5c..%5cetc", "/tasks/%2e",
                "/pointers/..%2f..%2fdata%2ftasks.yml", "/tasks/%252e%252e/x", "/tasks//run", "/runs//cancel",
                "/tasks/example%2frun")) {
            probes.add(new Probe("GET " + path, 400, null, () -> raw.send(head("GET", path))));
            probes.add(new Probe("POST " + path, 400, null, () -> raw.send(head("POST", path))));
        }
        probes.add(new Probe("GET /tasks/./example/run", 405, "POST, OPTIONS",
                () -> raw.send(head("GET", "/tasks/./example/run"))));
    }

    private void oversized(List<Probe> probes) {
        String uri = "the request URI is longer than " + HEADER_LIMIT + " bytes";
        String headers = "the request headers are larger than " + HEADER_LIMIT + " bytes";
        String longName = "a".repeat(20_000);
        probes.add(new Probe("GET a 20 KB path", 414, null, uri, () -> raw.send(head("GET", "/tasks/" + longName))));
        probes.add(new Probe("POST a 20 KB query", 414, null, uri,
                () -> raw.send(head("POST", "/tasks?path=" + longName))));
        probes.add(new Probe("GET a 100 KB path", 414, null, uri,
                () -> raw.send(head("GET", "/runs/" + "b".repeat(100_000)))));
        probes.add(new Probe("a 100 KB header", 431, null, headers,
                () -> raw.send(head("GET", "/tasks", "X-Big: " + "c".repeat(100_000)))));
        probes.add(new Probe("a 100 KB cookie on a POST", 431, null, headers,
                () -> raw.send(head("POST", "/tasks/example/run", "Cookie: a=" + "d".repeat(100_000)))));
        probes.add(new Probe("1000 headers of 100 bytes", 431, null, headers, () -> raw.send(head("GET", "/health",
                Stream.iterate(0, i -> i + 1).limit(1000).map(i -> "X-H" + i + ": " + "e".repeat(94))
                        .toArray(String[]::new)))));
        probes.add(new Probe("a 100 KB X-User-ID" + CLIENT, 431, null, headers, () -> http.send("GET",
                "/pointers/example", BodyPublishers.noBody(), Map.of("X-User-ID", "f".repeat(100_000)))));
    }

    private void bodies(List<Probe> probes) {
        String limit = "larger than max_body_size, " + BODY_LIMIT + " bytes";
        byte[] over = json(Integer.parseInt(BODY_LIMIT) + 1);
        byte[] twice = json(2 * Integer.parseInt(BODY_LIMIT));
        byte[] justOver = json(Integer.parseInt(BODY_LIMIT) + 16 * 1024);
        for (String target : List.of("/tasks/example/run", "/tasks/example/run-async", "/tasks?path=x:y",
                "/pointers/example?run_id=r1", "/tasks", "/runs/r1/cancel")) {
            probes.add(new Probe("POST " + target + " with Content-Length over the limit", 413, null, limit,
                    () -> raw.send(head("POST", target, "Content-Type: application/json",
                            "Content-Length: " + over.length), over)));
            probes.add(new Probe("POST " + target + " with 2 MiB" + CLIENT, 413, null, limit,
                    () -> http.send("POST", target, BodyPublishers.ofByteArray(twice), Map.of())));
        }
        probes.add(new Probe("GET /tasks with Content-Length over the limit", 413, null,
                () -> raw.send(head("GET", "/tasks", "Content-Length: " + over.length), over)));
        probes.add(new Probe("Content-Length of 10 GB, no body sent", 413, null,
                () -> raw.send(head("POST", "/tasks/example/run", "Content-Length: 10000000000"))));
        for (String target : List.of("/tasks/example/run", "/tasks/example/run-async")) {
            probes.add(new Probe("POST " + target + " chunked over the limit", 413, null, limit,
                    () -> raw.send(head("POST", target, "Transfer-Encoding: chunked"), chunked(over))));
            probes.add(new Probe("POST " + target + " chunked, just over the limit" + CLIENT, 413, null, limit,
                    () -> http.send("POST", target, BodyPublishers.ofInputStream(
                            () -> new ByteArrayInputStream(justOver)), Map.of())));
            for (String broken : List.of("{", "{\"a\":", "[1,]", "{} x", "nope", "{\"a\" 1}", "'single'",
                    "{\"a\":1}}", "\u00ff\u00fe", "[".repeat(5000) + "]".repeat(5000), "{\"n\":1" + "0".repeat(2000)
                    + "}", "\"unterminated")) {
                String label = broken.length() > 20 ? broken.substring(0, 20) + "..." : broken;
                probes.add(new Probe("POST " + target + " with body " + label, 400, null,
                        () -> raw.send(head("POST", target, "Content-Type: application/json",
                                "Content-Length: " + broken.getBytes(StandardCharsets.UTF_8).length),
                                broken.getBytes(StandardCharsets.UTF_8))));
                probes.add(new Probe("POST " + target + " with chunked body " + label + CLIENT, 400, null,
                        () -> http.send("POST", target, BodyPublishers.ofInputStream(
                                () -> new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8))),
                                Map.of("Content-Type", "application/json"))));
            }
            probes.add(new Probe("POST " + target + " with a broken chunk", 400, null,
                    () -> raw.send(head("POST", target, "Transfer-Encoding: chunked"),
                            "zz\r\n{}\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1))));
        }
    }

    /** Form bodies are never parsed: parameters come from the query string, and a large form is a large body. */
    private void forms(List<Probe> probes) {
        byte[] form = ("path=" + BUNDLE + ":" + BUNDLE + ".ExampleTask&name=x&pad=" + "g".repeat(300_000))
                .getBytes(StandardCharsets.US_ASCII);
        byte[] huge = ("run_id=1&pad=" + "h".repeat(2 * Integer.parseInt(BODY_LIMIT)))
                .getBytes(StandardCharsets.US_ASCII);
        Map<String, String> formType = Map.of("Content-Type", "application/x-www-form-urlencoded");
        probes.add(new Probe("POST /tasks with a 300 KB form" + CLIENT, 400, null,
                () -> http.send("POST", "/tasks", BodyPublishers.ofByteArray(form), formType)));
        probes.add(new Probe("POST /pointers/example with a 300 KB form" + CLIENT, 400, null,
                () -> http.send("POST", "/pointers/example", BodyPublishers.ofByteArray(form), formType)));
        probes.add(new Probe("POST /tasks/example/run with a 300 KB form" + CLIENT, 400, null,
                () -> http.send("POST", "/tasks/example/run", BodyPublishers.ofByteArray(form), formType)));
        probes.add(new Probe("POST /tasks/example/pause?run_id=r1 with a 300 KB form" + CLIENT, 404, null,
                () -> http.send("POST", "/tasks/example/pause?run_id=r1", BodyPublishers.ofByteArray(form), formType)));
        probes.add(new Probe("POST /tasks with a 2 MiB form", 413, null, () -> raw.send(head("POST", "/tasks",
                "Content-Type: application/x-www-form-urlencoded", "Content-Length: " + huge.length), huge)));
        byte[] large = ("run_id=1&pad=" + "h".repeat(600_000)).getBytes(StandardCharsets.US_ASCII);
        probes.add(new Probe("POST /pointers/example with a chunked 600 KB form" + CLIENT, 400, null,
                () -> http.send("POST", "/pointers/example", BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(large)), formType)));
    }

    private void classPaths(List<Probe> probes) {
        for (String className : List.of("a/b/C", "io/cascadence/plugins/example/ExampleTask", "[Ljava.lang.String;",
                "..", "a..b", ".Task", "Task.", "1a.B", "a-b.C", "a b", "java.lang.String[]", "C.class.",
                BUNDLE + ".Missing", "java.lang.String", "java.lang.Runnable", "io.cascadence.api.Task",
                BUNDLE + ".ExampleTask", "a\u200bb")) {
            String path = BUNDLE + ":" + className;
            probes.add(new Probe("POST /tasks?path=" + path, 400, null, () -> http.send("POST",
                    "/tasks?path=" + encode(path), BodyPublishers.noBody(), Map.of())));
        }
        for (String path : List.of("", "no-colon", ":C", BUNDLE + ":", "a:b:C", "nope:x.Y", " : ",
                "io.cascadence.core:io.cascadence.core.impl.TaskStoreComponent")) {
            probes.add(new Probe("POST /tasks?path=" + path, 400, null, () -> http.send("POST",
                    "/tasks?path=" + encode(path), BodyPublishers.noBody(), Map.of())));
        }
        String example = BUNDLE + ":" + BUNDLE + ".ExampleTask";
        for (String query : List.of("&name=../../etc", "&name=" + encode("a b"), "&name=" + "n".repeat(101),
                "&name=ok-name&schedule=every%20minute", "&name=ok-name&schedule=*%20*%20*",
                "&name=ok-name&schedule=" + encode("* * * * * *"))) {
            probes.add(new Probe("POST /tasks?path=ExampleTask" + query, 400, null, () -> http.send("POST",
                    "/tasks?path=" + encode(example) + query, BodyPublishers.noBody(), Map.of())));
        }
    }

    private void rejectedByJetty(List<Probe> probes) {
        Map<String, String> requests = new LinkedHashMap<>();
        requests.put("a request line that is not HTTP", "GARBAGE\r\n\r\n");
        requests.put("HTTP/9.9", "GET /tasks HTTP/9.9\r\nHost: x\r\n\r\n");
        requests.put("HTTP/2 in clear text without the preface", "GET /tasks HTTP/2.0\r\nHost: x\r\n\r\n");
        requests.put("no Host", "GET /tasks HTTP/1.1\r\n\r\n");
        requests.put("a header without a colon", "GET /tasks HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n");
        requests.put("a non-numeric Content-Length",
                "POST /tasks/example/run HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n");
        requests.put("two Content-Lengths",
                "POST /tasks/example/run HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}");
        requests.put("a Transfer-Encoding that is not chunked last",
                "POST /tasks/example/run HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n");
        requests.put("an absolute URI for another host", "GET http://elsewhere/tasks HTTP/1.1\r\nHost: x\r\n\r\n");
        requests.put("the asterisk", "GET * HTTP/1.1\r\nHost: x\r\n\r\n");
        requests.put("a raw non-ASCII byte", "GET /tasks/\u00ff HTTP/1.1\r\nHost: x\r\n\r\n");
        requests.put("a raw control character", "GET /tasks/\u0001 HTTP/1.1\r\nHost: x\r\n\r\n");
        requests.put("a space in the path", "GET /tasks/a b HTTP/1.1\r\nHost: x\r\n\r\n");
        requests.put("an unknown Expect", "POST /tasks/example/run HTTP/1.1\r\nHost: x\r\nExpect: magic\r\n"
                + "Content-Length: 2\r\n\r\n{}");
        requests.put("a relative path", "GET tasks HTTP/1.1\r\nHost: x\r\n\r\n");
        requests.forEach((what, request) -> {
            int status = what.equals("an unknown Expect") ? 417 : what.startsWith("HTTP/2") ? 426 : 400;
            probes.add(new Probe(what, status, null, () -> raw.send(request, null)));
        });
    }

    /** Well-formed requests whose values are wrong: refused naming the value, still JSON. */
    private void badParameters(List<Probe> probes) {
        for (String target : List.of("/runs?limit=0", "/runs?limit=1001", "/runs?limit=x", "/runs?offset=-1",
                "/runs?since=yesterday", "/runs?until=2026-13-01T00:00:00Z", "/tasks/example/runs?limit=99999999999",
                "/tasks/example/runs?since=" + encode("2026-11-30 12:00"))) {
            probes.add(new Probe("GET " + target + CLIENT, 400, null,
                    () -> http.send("GET", target, BodyPublishers.noBody(), Map.of())));
        }
        probes.add(new Probe("GET /pointers/example without X-User-ID", 400, null,
                () -> http.send("GET", "/pointers/example", BodyPublishers.noBody(), Map.of())));
        probes.add(new Probe("POST /pointers/example without run_id", 400, null,
                () -> http.send("POST", "/pointers/example", BodyPublishers.noBody(), Map.of("X-User-ID", "u"))));
        probes.add(new Probe("POST /pointers/example on a task that is not a pointer task", 400, null,
                () -> http.send("POST", "/pointers/example?run_id=r1", BodyPublishers.noBody(),
                        Map.of("X-User-ID", "u"))));
        probes.add(new Probe("POST /pointers/nope", 404, null,
                () -> http.send("POST", "/pointers/nope?run_id=r1", BodyPublishers.noBody(),
                        Map.of("X-User-ID", "u"))));
        probes.add(new Probe("POST /pointers/example/receive without user_hash", 400, null,
                () -> http.send("POST", "/pointers/example/receive?run_id=r1", BodyPublishers.noBody(), Map.of())));
        for (String action : List.of("run", "run-async", "pause", "resume", "disable", "enable")) {
            probes.add(new Probe("POST /tasks/nope/" + action, 404, null,
                    () -> http.send("POST", "/tasks/nope/" + action, BodyPublishers.noBody(), Map.of())));
        }
        probes.add(new Probe("GET /tasks/nope/runs", 404, null,
                () -> http.send("GET", "/tasks/nope/runs", BodyPublishers.noBody(), Map.of())));
        probes.add(new Probe("GET /runs/nope", 404, null,
                () -> http.send("GET", "/runs/nope", BodyPublishers.noBody(), Map.of())));
        probes.add(new Probe("POST /runs/nope/cancel", 404, null,
                () -> http.send("POST", "/runs/nope/cancel", BodyPublishers.noBody(), Map.of())));
        probes.add(new Probe("POST /tasks/example/pause?run_id=nope", 404, null,
                () -> http.send("POST", "/tasks/example/pause?run_id=nope", BodyPublishers.noBody(), Map.of())));
        probes.add(new Probe("POST /tasks without path", 400, null,
                () -> http.send("POST", "/tasks?name=x", BodyPublishers.noBody(), Map.of())));
    }

    /** A request head: the request line, Host, the extra headers, and the empty line. */
    static String head(String method, String target, String... headers) {
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    /** A JSON document of exactly {@code size} bytes. */
    private static byte[] json(int size) {
        return ("[\"" + "j".repeat(size - 4) + "\"]").getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] chunked(byte[] body) {
        StringBuilder chunks = new StringBuilder();
        for (int i = 0; i < body.length; i += 4096) {
            int size = Math.min(4096, body.length - i);
            chunks.append(Integer.toHexString(size)).append("\r\n")
                    .append(new String(body, i, size, StandardCharsets.ISO_8859_1)).append("\r\n");
        }
        return chunks.append("0\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
