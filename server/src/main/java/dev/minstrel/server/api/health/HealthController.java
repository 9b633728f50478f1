package dev.minstrel.server.api.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.minstrel.ingest.IngestService;
import dev.minstrel.ingest.download.Tool;
import dev.minstrel.server.api.Caller;
import dev.minstrel.server.config.CoreConfiguration.Folders;
import dev.minstrel.server.storage.DiskSpace;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/health}: {@code up}, {@code degraded} (serving, but something needs the owner's
 * attention) or {@code down} (503: the database does not answer). Anyone may ask for the status,
 * a monitor or the tunnel included; only the owner sees the checks, which name paths and versions.
 */
@RestController
@RequestMapping("/api/health")
public class HealthController {

    private static final Duration DATABASE_TIMEOUT = Duration.ofSeconds(3);

    private final DatabaseClient database;
    private final IngestService ingest;
    private final DiskSpace disk;
    private final Folders folders;
    private final HealthSettings settings;

    public HealthController(DatabaseClient database, IngestService ingest, DiskSpace disk, Folders folders,
                            HealthSettings settings) {
        this.database = database;
        this.ingest = ingest;
        this.disk = disk;
        this.folders = folders;
        this.settings = settings;
    }

    /** @param checks the owner's only: one per part of the server */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Health(String status, List<Check> checks) {
    }

    /**
     * @param status {@code up}, {@code degraded} or {@code down}
     * @param detail what was found, in plain words
     * @param hint   what to do about it; null when all is well
     */
    public record Check(String name, String status, String detail, String hint) {

        static Check up(String name, String detail) {
            return new Check(name, "up", detail, null);
        }
    }

    @GetMapping
    public Mono<ResponseEntity<Health>> health(ServerWebExchange exchange) {
        Caller caller = Caller.of(exchange);
        boolean owner = caller != null && caller.account().isOwner();
        return Mono.zip(databaseCheck(), ingestChecks()).map(found -> {
            List<Check> checks = new ArrayList<>();
            checks.add(found.getT1());
            checks.add(musicFolderCheck());
            checks.addAll(found.getT2());
            checks.add(diskSpaceCheck());
            String status = overall(checks);
            return ResponseEntity.status("down".equals(status) ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK)
                    .body(new Health(status, owner ? checks : null));
        });
    }

    /** Down only when the database is: everything else leaves the server serving. */
    static String overall(List<Check> checks) {
        if (checks.stream().anyMatch(c -> c.name().equals("database") && !c.status().equals("up"))) {
            return "down";
        }
        return checks.stream().allMatch(c -> c.status().equals("up")) ? "up" : "degraded";
    }

    private Mono<Check> databaseCheck() {
        return database.sql("SELECT 1").fetch().first()
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(DATABASE_TIMEOUT)
                .map(row -> Check.up("database", "answers"))
                .onErrorResume(e -> Mono.just(new Check("database", "down",
                        "does not answer: " + Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName()),
                        "see the server's log (journalctl -u minstrel); a full disk is reported under diskSpace")));
    }

    private Check musicFolderCheck() {
        Path music = folders.music();
        if (Files.isDirectory(music) && Files.isReadable(music) && Files.isExecutable(music)) {
            return Check.up("musicFolder", music + " is readable");
        }
        return new Check("musicFolder", "down", music + " cannot be read by the server",
                "give the service user read access to it (on the Pi: the minstrel user)");
    }

    private Mono<List<Check>> ingestChecks() {
        return ingest.readiness().map(ready -> List.of(
                ready.workersAlive()
                        ? Check.up("ingestQueue", ready.queued() + " waiting, " + ready.running() + " running")
                        : new Check("ingestQueue", "down", "the download workers are not running ("
                                + ready.queued() + " waiting)", "restart the server; its log says why they stopped"),
                tool("spotdl", ready.spotdl(), Tool.SPOTDL.installHint()),
                tool("ytDlp", ready.ytDlp(), Tool.YT_DLP.installHint()),
                tool("ffmpeg", ready.ffmpeg(), Tool.FFMPEG_MISSING)))
                .onErrorResume(e -> Mono.just(List.of(new Check("ingestQueue", "down",
                        "the queue cannot be read: " + e.getMessage(), "see the database check"))));
    }

    private static Check tool(String name, Optional<Path> found, String hint) {
        return found.map(path -> Check.up(name, path.toString()))
                .orElseGet(() -> new Check(name, "down", "not found", hint));
    }

    private Check diskSpaceCheck() {
        long free = disk.usableBytes();
        String detail = megabytes(free) + " free for the data folder (" + disk.dataDir() + "), "
                + megabytes(usable(folders.music())) + " for the music folder";
        if (free < disk.reserveBytes()) {
            return new Check("diskSpace", "down", detail + "; writes are refused below "
                    + megabytes(disk.reserveBytes()), "free space on that disk: writes resume by themselves");
        }
        if (free < settings.diskLow().toBytes()) {
            return new Check("diskSpace", "degraded", detail, "free space on that disk soon: writes stop below "
                    + megabytes(disk.reserveBytes()));
        }
        return Check.up("diskSpace", detail);
    }

    private static long usable(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String megabytes(long bytes) {
        return (bytes >> 20) + " MB";
    }
}
