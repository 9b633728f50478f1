package dev.minstrel.server.backup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Online backups of the embedded database and the key file, taken while the server serves and
 * writes: H2's {@code BACKUP TO} copies a consistent state of the database file (every transaction
 * committed before it, none half), and the key that opens the sealed secrets in it is added beside
 * it. One zip per backup in {@code <data folder>/backups}; the newest {@code keep} are kept.
 * {@link Restore} puts one back.
 */
public final class Backups implements AutoCloseable {

    /** The key file, kept beside the database in the data folder and in each backup. */
    static final String KEY_FILE = "secret.key";
    private static final Logger log = LoggerFactory.getLogger(Backups.class);
    private static final Pattern NAME = Pattern.compile("minstrel-\\d{8}-\\d{6}(-\\d+)?\\.zip");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final DatabaseClient database;
    private final boolean embedded;
    private final Path dataDir;
    private final Path dir;
    private final BackupSettings settings;
    private final Clock clock;
    private ScheduledExecutorService schedule;

    public Backups(DatabaseClient database, boolean embedded, Path dataDir, BackupSettings settings, Clock clock) {
        this.database = database;
        this.embedded = embedded;
        this.dataDir = dataDir;
        this.dir = dataDir.resolve("backups");
        this.settings = settings;
        this.clock = clock;
    }

    /** True when backups can be taken here: the embedded database (PostgreSQL has pg_dump). */
    public boolean available() {
        return embedded;
    }

    /** Takes a backup now (blocking; one at a time) and keeps the newest {@code keep}. */
    public synchronized Backup take() {
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            Instant now = clock.instant();
            Path target = dir.resolve(freeName(now));
            Path databaseCopy = dir.resolve(".database-" + now.toEpochMilli() + ".zip.part");
            Path part = dir.resolve(target.getFileName() + ".part");
            try {
                // the path is ours (data folder + a generated name), never a caller's text
                database.sql("BACKUP TO '" + databaseCopy.toString().replace("'", "''") + "'").then().block();
                try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(part));
                     ZipInputStream in = new ZipInputStream(Files.newInputStream(databaseCopy))) {
                    for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                        copy(out, entry.getName(), in);
                    }
                    Path key = dataDir.resolve(KEY_FILE);
                    if (Files.exists(key)) {
                        try (InputStream keyIn = Files.newInputStream(key)) {
                            copy(out, KEY_FILE, keyIn);
                        }
                    }
                }
                Files.setPosixFilePermissions(part, PosixFilePermissions.fromString("rw-------"));
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(databaseCopy);
                Files.deleteIfExists(part);
            }
            Backup backup = new Backup(target.getFileName().toString(), Files.size(target), now);
            log.info("backup {} taken ({} KB)", backup.name(), backup.size() >> 10);
            prune();
            return backup;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a backup into " + dir + ": " + e.getMessage(), e);
        }
    }

    private String freeName(Instant now) {
        String stamp = "minstrel-" + STAMP.format(now);
        String name = stamp + ".zip";
        for (int n = 2; Files.exists(dir.resolve(name)); n++) {
            name = stamp + "-" + n + ".zip";
        }
        return name;
    }

    private static void copy(ZipOutputStream out, String name, InputStream in) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        in.transferTo(out);
        out.closeEntry();
    }

    /** The backups, newest first. */
    public List<Backup> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> NAME.matcher(f.getFileName().toString()).matches())
                    .map(Backups::describe)
                    .sorted(Comparator.comparing(Backup::createdAt).thenComparing(Backup::name).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static Backup describe(Path file) {
        try {
            return new Backup(file.getFileName().toString(), Files.size(file), Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void prune() throws IOException {
        List<Backup> all = list();
        for (Backup old : all.subList(Math.min(settings.keep(), all.size()), all.size())) {
            Files.deleteIfExists(dir.resolve(old.name()));
            log.info("backup {} deleted: only the newest {} are kept", old.name(), settings.keep());
        }
    }

    /** Starts the schedule: the first backup one interval after the newest one (or after start). */
    public void start() {
        if (!embedded || settings.interval().isZero() || settings.interval().isNegative()) {
            return;
        }
        Instant newest = list().stream().map(Backup::createdAt).findFirst().orElse(clock.instant());
        long interval = settings.interval().toMillis();
        long first = Math.max(Duration.ofMinutes(1).toMillis(),
                interval - Duration.between(newest, clock.instant()).toMillis());
        schedule = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "minstrel-backup");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleAtFixedRate(this::scheduled, first, interval, TimeUnit.MILLISECONDS);
    }

    private void scheduled() {
        try {
            take();
        } catch (RuntimeException e) {
            log.warn("the scheduled backup failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }
}
