package io.cascadence.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives a running container over HTTP: {@code RUNS} runs of one task with {@code CLIENTS} concurrent clients,
 * each {@code POST /tasks/TASK/run} waiting for its answer, and prints runs per second and the answers' statuses.
 * Exits with 1 when any answer is not 200. Used by {@code benchmarks/run-load.sh}.
 *
 * <pre>java -cp benchmarks/jmh/target/benchmarks.jar io.cascadence.benchmarks.RunLoad URL TASK RUNS CLIENTS</pre>
 */
public final class RunLoad {

    private RunLoad() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String task = args[1];
        int runs = Integer.parseInt(args[2]);
        int clients = Integer.parseInt(args[3]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/tasks/" + task + "/run"))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(60)).build();
        AtomicInteger left = new AtomicInteger(runs);
        long[] latencies = new long[runs];
        AtomicInteger done = new AtomicInteger();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                while (left.getAndDecrement() > 0) {
                    int status;
                    long sent = System.nanoTime();
                    try {
                        status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = 0;
                    }
                    latencies[done.getAndIncrement()] = System.nanoTime() - sent;
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        double seconds = (System.nanoTime() - start) / 1e9;
        java.util.Arrays.sort(latencies);
        System.out.printf("%d runs of %s with %d clients in %.1f s: %.0f runs/s; answer in ms p50 %.1f p90 %.1f "
                + "p99 %.1f; answers %s%n", runs, task, clients, seconds, runs / seconds, percentile(latencies, 50),
                percentile(latencies, 90), percentile(latencies, 99), statuses);
        System.exit(statuses.keySet().stream().allMatch(s -> s == 200) ? 0 : 1);
    }

    /** The nearest-rank percentile of sorted nanoseconds, in milliseconds. */
    static double percentile(long[] sorted, int p) {
        int rank = Math.max(1, (int) Math.ceil(p / 100.0 * sorted.length));
        return sorted[rank - 1] / 1e6;
    }
}
