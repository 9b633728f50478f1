package dev.minstrel.ingest.download;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A downloader run as a child process: an argument list (never a shell), its own working folder,
 * stdout and stderr each read line by line on their own thread as soon as a line is flushed.
 * Stopping asks the whole process tree to end, then kills what is left after a grace period.
 */
public final class ChildProcess implements AutoCloseable {

    private final Process process;
    private final List<Thread> readers = new ArrayList<>();

    private ChildProcess(Process process) {
        this.process = process;
    }

    public static ChildProcess start(List<String> command, Path workDir, Map<String, String> environment,
                                     Consumer<String> stdout, Consumer<String> stderr) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().putAll(environment);
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        try {
            ChildProcess child = new ChildProcess(builder.start());
            child.read(child.process.getInputStream(), stdout, "stdout");
            child.read(child.process.getErrorStream(), stderr, "stderr");
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    private void read(InputStream stream, Consumer<String> lines, String name) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.accept(line);
                }
            } catch (IOException e) {
                // the process was killed while we read: nothing more to parse
            }
        }, "ingest-" + name + "-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        readers.add(reader);
    }

    /** Waits for the exit; empty if still running after {@code timeout}. Output is fully read on exit. */
    public OptionalInt waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return OptionalInt.empty();
        }
        for (Thread reader : readers) {
            reader.join(2000);
        }
        return OptionalInt.of(process.exitValue());
    }

    public long pid() {
        return process.pid();
    }

    /** TERM to the process and all its descendants, then KILL whatever is still alive after {@code grace}. */
    public void stop(Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        process.toHandle().descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : tree) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    handle.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            } catch (Exception e) {
                // still alive: killed below
            }
        }
        // children may have been born during the grace period
        process.toHandle().descendants().forEach(tree::add);
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(grace.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop(Duration.ofSeconds(1));
        }
    }
}
