package dev.minstrel.ingest.download;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The downloaders' process groups, one file per running group in a folder of the data folder. Each
 * downloader starts in a session (and so a process group) of its own, so that its whole tree can be
 * found again without the JVM that started it: when Minstrel dies by kill -9 the downloaders carry
 * on writing into staging, and the next start kills every group still recorded before any job
 * resumes. A record names the machine's boot and the group leader's start time, so that a group id
 * the kernel has since given to an unrelated process is never killed.
 */
public final class ProcessGroups {

    private static final Logger log = LoggerFactory.getLogger(ProcessGroups.class);
    private static final Path BOOT_ID = Path.of("/proc/sys/kernel/random/boot_id");

    private final Path dir;

    public ProcessGroups(Path dir) {
        this.dir = dir;
    }

    /** The command run as the leader of a new session and process group ({@code setsid} execs in place). */
    private static final String SETSID_FAILED = "setsid: failed to execute ";

    static List<String> inOwnGroup(List<String> command) {
        return Stream.concat(Stream.of("setsid"), command.stream()).toList();
    }

    /**
     * The reason a tool never ran, when {@code setsid} could not execute it: the tool's own start
     * failure (a missing file, a script whose interpreter is gone) shows up as setsid's exit code
     * and one line of its own, not as an error from starting the process.
     */
    public static Optional<String> startFailure(int exitCode, List<String> lines) {
        if (exitCode != 126 && exitCode != 127) {
            return Optional.empty();
        }
        return lines.stream().filter(line -> line.startsWith(SETSID_FAILED)).findFirst()
                .map(line -> line.substring(SETSID_FAILED.length()));
    }

    /** Records a group whose leader is {@code leader} (its pid is the group id). */
    void record(ProcessHandle leader) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(Long.toString(leader.pid())),
                    bootId() + " " + leader.info().startInstant().map(Instant::toEpochMilli).orElse(0L) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the downloader's process group in " + dir, e);
        }
    }

    /** Forgets a group once its leader has exited and its stragglers were killed. */
    void forget(long groupId) {
        try {
            Files.deleteIfExists(dir.resolve(Long.toString(groupId)));
        } catch (IOException e) {
            log.warn("cannot remove the record of process group {} in {}: {}", groupId, dir, e.getMessage());
        }
    }

    /**
     * Signals the whole group (leader and descendants alike); false when nothing is left of it.
     * Signal 0 only asks whether any of it is alive.
     */
    static boolean signal(long groupId, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, "--", "-" + groupId)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            log.warn("cannot signal process group {}: {}", groupId, e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Kills every recorded group left by an earlier run of this data folder that may still be
     * alive, and forgets them all; returns how many were killed. Call before jobs resume.
     */
    public int killLeftovers() {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int killed = 0;
        String boot = bootId();
        try (DirectoryStream<Path> records = Files.newDirectoryStream(dir)) {
            for (Path record : records) {
                Optional<Long> groupId = groupId(record);
                if (groupId.isPresent() && mayBeAlive(groupId.get(), Files.readString(record, StandardCharsets.UTF_8), boot)
                        && signal(groupId.get(), "0")) {
                    log.info("a downloader (process group {}) outlived the last run of Minstrel; it is stopped", groupId.get());
                    signal(groupId.get(), "KILL");
                    killed++;
                }
                Files.deleteIfExists(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the downloaders' process groups in " + dir, e);
        }
        return killed;
    }

    private static Optional<Long> groupId(Path record) {
        String name = record.getFileName().toString();
        return name.matches("\\d{1,10}") ? Optional.of(Long.parseLong(name)) : Optional.empty();
    }

    /**
     * Same boot, and the leader's pid either gone (its children may live on in the group) or still
     * held by the very process that was recorded.
     */
    private static boolean mayBeAlive(long groupId, String record, String boot) {
        String[] fields = record.strip().split(" ");
        if (fields.length != 2 || !fields[0].equals(boot)) {
            return false; // a reboot ended every process of the earlier run
        }
        long started = Long.parseLong(fields[1]);
        return ProcessHandle.of(groupId)
                .map(leader -> leader.info().startInstant().map(Instant::toEpochMilli).orElse(-1L) == started)
                .orElse(true);
    }

    private static String bootId() {
        try {
            return Files.readString(BOOT_ID).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
