package dev.minstrel.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged server jar, started as a user would (java -jar, settings from the environment) on
 * a free port with its own music and data folders, and stopped again; on PostgreSQL and Redis when
 * the run asks for them ({@link SharedServices}).
 */
public final class PackagedServer implements AutoCloseable {

    public static final String OWNER = "owner";
    public static final String OWNER_PASSWORD = "compat-owner-pw";

    private final Process process;
    private final Path log;
    private final int port;

    private PackagedServer(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public static Path jar() {
        Path jar = Path.of(System.getProperty("minstrel.server-jar", "../server/target/minstrel.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the packaged server is missing: " + jar.toAbsolutePath()
                    + " (run mvn verify from the project root)");
        }
        return jar;
    }

    /** Starts the server and waits until it answers ping; fails with its log if it does not. */
    public static PackagedServer start(Path musicDir, Path dataDir, Map<String, String> extraEnv) {
        return start(musicDir, dataDir, extraEnv, List.of());
    }

    /**
     * As {@link #start(Path, Path, Map)}, the java command run behind {@code commandPrefix} (e.g.
     * {@code setpriv} to run as another user, as the Pi's service does).
     */
    public static PackagedServer start(Path musicDir, Path dataDir, Map<String, String> extraEnv,
                                       List<String> commandPrefix) {
        int port = freePort();
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-server.log");
        Map<String, String> env = new HashMap<>();
        env.put("MINSTREL_MUSIC_DIR", musicDir.toString());
        env.put("MINSTREL_DATA_DIR", dataDir.toString());
        env.put("MINSTREL_PORT", Integer.toString(port));
        env.put("MINSTREL_OWNER_PASSWORD", OWNER_PASSWORD);
        if (!extraEnv.containsKey("MINSTREL_DATABASE_URL")) {
            env.putAll(SharedServices.settingsFor(dataDir));
        }
        env.putAll(extraEnv);
        Process process = launch(commandPrefix, env, log, List.of("-Xmx128m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1"), List.of());
        PackagedServer server = new PackagedServer(process, log, port);
        server.awaitReady(Duration.ofSeconds(60));
        String password = env.get("MINSTREL_OWNER_PASSWORD");
        if (password != null && !password.isEmpty()) {
            server.awaitOwner(password, Duration.ofSeconds(30));
        }
        return server;
    }

    /** Runs the jar to completion (for start-up failures) and returns its exit code and output. */
    public static Finished run(Map<String, String> env, Path output, Duration timeout) {
        return run(List.of(), env, output, timeout);
    }

    /** As {@link #run(Map, Path, Duration)}, with arguments after the jar (a command such as {@code restore}). */
    public static Finished run(List<String> arguments, Map<String, String> env, Path output, Duration timeout) {
        Process process = launch(List.of(), env, output, List.of("-Xmx64m"), arguments);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the server did not stop within " + timeout);
            }
            return new Finished(process.exitValue(), Files.readString(output));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Finished(int exitCode, String output) {
    }

    private static Process launch(List<String> commandPrefix, Map<String, String> env, Path output,
                                  List<String> jvmOptions, List<String> arguments) {
        List<String> command = new ArrayList<>(commandPrefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar().toAbsolutePath().toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("MINSTREL_"));
        builder.environment().putAll(env);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the server exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/rest/ping.view?f=json"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(100);
        }
        close();
        throw new AssertionError("the server did not answer within " + timeout + ":\n" + log());
    }

    /**
     * The owner account is created just after the server starts listening; waits until it can
     * sign in. The attempts come "from" a documentation address (loopback is a trusted proxy), so
     * that the failures before it exists do not count against the tests' own address.
     */
    private void awaitOwner(String password, Duration timeout) {
        SubsonicClient owner = new SubsonicClient(this, OWNER, password, "compat-startup", "1.16.1", false)
                .from("192.0.2.254");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (owner.get("ping", "json").body().contains("\"status\":\"ok\"")) {
                return;
            }
            sleep(200);
        }
        throw new AssertionError("the owner could not sign in within " + timeout + ":\n" + log());
    }

    /** Waits until the log has a line matching the pattern (things logged after start-up). */
    public String awaitLog(java.util.regex.Pattern pattern, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String text = log();
            if (pattern.matcher(text).find()) {
                return text;
            }
            sleep(100);
        }
        throw new AssertionError("no log line matching " + pattern + " within " + timeout + ":\n" + log());
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    public int port() {
        return port;
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public long pid() {
        return process.pid();
    }

    /** Stops the process as a crash would: no shutdown hooks run. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    @Override
    public void close() {
        process.destroy();
        waitForExit();
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
