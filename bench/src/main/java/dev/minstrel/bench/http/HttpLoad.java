package dev.minstrel.bench.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load generator: {@code clients} threads, each with its own keep-alive connection,
 * send requests for {@code seconds} (after a warm-up) round-robin over the given URLs and record
 * every latency. Prints one line of percentiles; body bytes are read fully and counted.
 *
 * <p>{@code HttpLoad <clients> <seconds> <label> <url>...} or a single {@code @file} of URLs.
 */
public final class HttpLoad {

    public record Result(String label, int clients, long requests, long errors, double seconds, long bytes,
                         double p50, double p90, double p99, double max) {

        public String line() {
            return String.format(Locale.ROOT,
                    "%-28s c=%-3d req=%-7d err=%-4d req/s=%-9.0f MB/s=%-8.1f p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms",
                    label, clients, requests, errors, requests / seconds, bytes / seconds / 1e6, p50, p90, p99, max);
        }
    }

    public static void main(String[] args) throws Exception {
        int clients = Integer.parseInt(args[0]);
        int seconds = Integer.parseInt(args[1]);
        String label = args[2];
        List<URI> urls = new ArrayList<>();
        for (String arg : Arrays.copyOfRange(args, 3, args.length)) {
            if (arg.startsWith("@")) {
                Files.readAllLines(Path.of(arg.substring(1))).stream().filter(l -> !l.isBlank())
                        .forEach(l -> urls.add(URI.create(l.strip())));
            } else {
                urls.add(URI.create(arg));
            }
        }
        run(label, clients, Duration.ofSeconds(Math.max(1, seconds / 4)), urls);
        System.out.println(run(label, clients, Duration.ofSeconds(seconds), urls).line());
    }

    public static Result run(String label, int clients, Duration duration, List<URI> urls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong errors = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int offset = c;
            futures.add(pool.submit(() -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                long[] latencies = new long[1 << 16];
                int n = 0;
                for (int i = offset; System.nanoTime() < end; i++) {
                    HttpRequest request = HttpRequest.newBuilder(urls.get(i % urls.size())).GET().build();
                    long start = System.nanoTime();
                    try {
                        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                        try (InputStream body = response.body()) {
                            bytes.addAndGet(drain(body));
                        }
                        if (response.statusCode() >= 400) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = System.nanoTime() - start;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> future : futures) {
            all.add(future.get());
        }
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        double seconds = duration.toNanos() / 1e9;
        return new Result(label, clients, merged.length, errors.get(), seconds, bytes.get(),
                percentile(merged, 0.50), percentile(merged, 0.90), percentile(merged, 0.99),
                merged.length == 0 ? 0 : merged[merged.length - 1] / 1e6);
    }

    private static long drain(InputStream body) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int read; (read = body.read(buffer)) >= 0; ) {
            total += read;
        }
        return total;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
