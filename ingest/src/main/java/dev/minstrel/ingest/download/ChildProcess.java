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
 * stdout and stderr each read line by line on their own thread as soon as a line is flushed. It
 * leads a process group of its own, recorded in {@link ProcessGroups} while it lives, so that
 * nothing it started can outlive it: stopping asks the whole group to end, then kills what is left
 * after a grace period, and closing kills any straggler the downloader left behind.
 */
public final class ChildProcess implements AutoCloseable {

    private final Process process;
    private final ProcessGroups groups;
    private final List<Thread> readers = new ArrayList<>();

    private ChildProcess(Process process, ProcessGroups groups) {
        this.process = process;
        this.groups = groups;
    }

    public static ChildProcess start(List<String> command, Path workDir, Map<String, String> environment,
                                     ProcessGroups groups, Consumer<String> stdout, Consumer<String> stderr) {
        ProcessBuilder builder = new ProcessBuilder(ProcessGroups.inOwnGroup(command)).directory(workDir.toFile());
        builder.environment().putAll(environment);
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        try {
            ChildProcess child = new ChildProcess(builder.start(), groups);
            groups.record(child.process.toHandle());
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

    /** TERM to the whole process group, then KILL whatever is still alive after {@code grace}. */
    public void stop(Duration grace) {
        ProcessGroups.signal(process.pid(), "TERM");
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                ProcessGroups.signal(process.pid(), "KILL");
                process.waitFor(grace.toMillis() + 1000, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop(Duration.ofSeconds(1));
        }
        ProcessGroups.signal(process.pid(), "KILL"); // whatever the downloader left running
        groups.forget(process.pid());
    }
}
