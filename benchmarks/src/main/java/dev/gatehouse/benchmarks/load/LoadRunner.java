package dev.gatehouse.benchmarks.load;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;

/**
 * Runs one workload against one server and writes the result as JSON. Arguments are {@code name=value}
 * pairs; benchmarks/run passes them, and {@code --help} lists them.
 */
public final class LoadRunner {

    private static final String USAGE = """
            Usage: LoadRunner target=gatehouse|keycloak url=http://127.0.0.1:8080 workload=sign-in|refresh|mixed
                   connections=16 warmup=60 duration=60 server-pid=PID clock-ticks=100 out=result.json
                   users=8 user-email=bench-%d@example.com password=... [rate=requests-per-second]
                   [realm=bench client-id=bench scope=openid] [label=free text]
            """;

    private LoadRunner() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        if (options.containsKey("--help") || !options.containsKey("url")) {
            System.out.print(USAGE);
            return;
        }
        Path out = Path.of(required(options, "out"));
        String result = run(options);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, result);
        System.out.println(result);
    }

    private static String run(Map<String, String> options) throws Exception {
        Workload workload = Workload.parse(required(options, "workload"));
        int connections = Integer.parseInt(options.getOrDefault("connections", "16"));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "60")));
        Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "60")));
        double rate = Double.parseDouble(options.getOrDefault("rate", "0"));
        ServerProcess server = new ServerProcess(Long.parseLong(required(options, "server-pid")),
                Long.parseLong(options.getOrDefault("clock-ticks", "100")));
        AuthTarget target = target(options);

        Measurement measurement = new Measurement();
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + warmup.plus(duration).toNanos();
        long interval = rate > 0 ? (long) (connections * 1_000_000_000L / rate) : 0;
        List<Thread> threads = startConnections(options, target, http, measurement, connections, deadline, interval, workload);

        Thread.sleep(warmup.toMillis());
        Snapshot before = Snapshot.take(server);
        measurement.start();
        long startNanos = System.nanoTime();
        AtomicLong peakRss = new AtomicLong();
        ScheduledExecutorService sampler = sampleResidentMemory(server, peakRss);
        for (Thread thread : threads) {
            thread.join();
        }
        measurement.stop();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        sampler.shutdownNow();
        Snapshot after = Snapshot.take(server);

        return ResultJson.write(options, workload, connections, warmup, seconds, rate, measurement,
                after.serverCpuSeconds - before.serverCpuSeconds, peakRss.get(), server.peakResidentKib(),
                after.ownCpuSeconds - before.ownCpuSeconds);
    }

    private static List<Thread> startConnections(Map<String, String> options, AuthTarget target, HttpClient http,
            Measurement measurement, int connections, long deadline, long interval, Workload workload) {
        int users = Integer.parseInt(options.getOrDefault("users", Integer.toString(connections)));
        String emailPattern = options.getOrDefault("user-email", "bench-%d@example.com");
        String password = required(options, "password");
        List<Thread> threads = new ArrayList<>();
        for (int index = 0; index < connections; index++) {
            String email = String.format(emailPattern, index % users);
            ClientConnection connection = new ClientConnection(target, http, email, password, measurement,
                    deadline, interval);
            threads.add(Thread.ofPlatform().name("load-" + index).start(() -> connection.run(workload)));
        }
        return threads;
    }

    private static ScheduledExecutorService sampleResidentMemory(ServerProcess server, AtomicLong peakKib) {
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> {
            try {
                peakKib.accumulateAndGet(server.residentKib(), Math::max);
            } catch (IOException processGone) {
                sampler.shutdown();
            }
        }, 0, 500, TimeUnit.MILLISECONDS);
        return sampler;
    }

    private static AuthTarget target(Map<String, String> options) {
        String url = required(options, "url");
        return switch (required(options, "target")) {
            case "gatehouse" -> new GatehouseTarget(url);
            case "keycloak" -> new KeycloakTarget(url, options.getOrDefault("realm", "bench"),
                    options.getOrDefault("client-id", "bench"), options.get("scope"));
            default -> throw new IllegalArgumentException("target must be gatehouse or keycloak");
        };
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals < 0) {
                options.put(arg, "");
            } else {
                options.put(arg.substring(0, equals), arg.substring(equals + 1));
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing argument " + name + "=...\n" + USAGE);
        }
        return value;
    }

    /** CPU times at one instant: the server's and this load generator's own. */
    private record Snapshot(double serverCpuSeconds, double ownCpuSeconds) {

        static Snapshot take(ServerProcess server) throws IOException {
            double own = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toNanos() / 1e9;
            return new Snapshot(server.cpuSeconds(), own);
        }
    }

    /** Writes the result document; the fields are described in docs/benchmarks.md. */
    private static final class ResultJson {

        static String write(Map<String, String> options, Workload workload, int connections, Duration warmup,
                double seconds, double rate, Measurement measurement, double serverCpuSeconds, long peakRssKib,
                long highWaterRssKib, double loadGeneratorCpuSeconds) {
            long requests = measurement.requests();
            StringBuilder json = new StringBuilder("{\n");
            field(json, "target", JsonFields.quote(options.get("target")));
            field(json, "label", JsonFields.quote(options.getOrDefault("label", "")));
            field(json, "workload", JsonFields.quote(workload.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
            field(json, "connections", Integer.toString(connections));
            field(json, "targetRate", rate > 0 ? number(rate) : "null");
            field(json, "finishedAt", JsonFields.quote(Instant.now().toString()));
            field(json, "warmupSeconds", Long.toString(warmup.toSeconds()));
            field(json, "measuredSeconds", number(seconds));
            field(json, "requests", Long.toString(requests));
            field(json, "errors", Long.toString(measurement.errorCount()));
            field(json, "errorsByOperation", errorObject(measurement.errorsByOperation()));
            field(json, "requestsPerSecond", number(requests / seconds));
            field(json, "successesPerSecond", number(measurement.successes() / seconds));
            field(json, "latencyMillis", latencyObject(measurement.latencies()));
            field(json, "serverCpuSeconds", number(serverCpuSeconds));
            field(json, "serverCpuSecondsPer1000Requests", number(requests == 0 ? 0 : serverCpuSeconds * 1000 / requests));
            field(json, "serverPeakRssMiBUnderLoad", number(peakRssKib / 1024.0));
            field(json, "serverHighWaterRssMiB", number(highWaterRssKib / 1024.0));
            json.append("  \"loadGeneratorCpuSeconds\": ").append(number(loadGeneratorCpuSeconds)).append("\n}\n");
            return json.toString();
        }

        private static String latencyObject(Map<String, Histogram> latencies) {
            StringBuilder json = new StringBuilder("{");
            latencies.forEach((operation, histogram) -> json.append(json.length() > 1 ? ", " : "")
                    .append(JsonFields.quote(operation)).append(": {\"count\": ").append(histogram.getTotalCount())
                    .append(", \"p50\": ").append(number(histogram.getValueAtPercentile(50) / 1000.0))
                    .append(", \"p99\": ").append(number(histogram.getValueAtPercentile(99) / 1000.0))
                    .append(", \"max\": ").append(number(histogram.getMaxValue() / 1000.0)).append('}'));
            return json.append('}').toString();
        }

        private static String errorObject(Map<String, Long> errors) {
            StringBuilder json = new StringBuilder("{");
            errors.forEach((operation, count) -> json.append(json.length() > 1 ? ", " : "")
                    .append(JsonFields.quote(operation)).append(": ").append(count));
            return json.append('}').toString();
        }

        private static void field(StringBuilder json, String name, String value) {
            json.append("  ").append(JsonFields.quote(name)).append(": ").append(value).append(",\n");
        }

        private static String number(double value) {
            return String.format(java.util.Locale.ROOT, "%.3f", value);
        }
    }
}
