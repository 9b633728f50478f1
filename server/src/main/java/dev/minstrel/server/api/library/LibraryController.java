package dev.minstrel.server.api.library;

import dev.minstrel.library.MusicLibrary;
import dev.minstrel.library.scan.ScanStatus;
import dev.minstrel.server.api.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** The owner's view of the music folder: how the last scan went, which files could not be read, a rescan. */
@RestController
@RequestMapping("/api/library")
public class LibraryController {

    private final MusicLibrary library;

    public LibraryController(MusicLibrary library) {
        this.library = library;
    }

    /** @param unreadable files that are not in the library, with the reason in plain words (paths relative to the music folder) */
    public record Scan(boolean scanning, int filesSeen, int tracks, int folders, Instant lastScan,
                       long lastScanMillis, List<ScanStatus.SkippedFile> unreadable) {

        static Scan of(ScanStatus status) {
            return new Scan(status.scanning(), status.filesSeen(), status.tracksIndexed(), status.folderCount(),
                    status.lastScan(), status.lastScanMillis(), status.skipped());
        }
    }

    /** @param full re-read every file, not only those whose size or modification time changed */
    public record ScanRequest(Boolean full) {
    }

    /** @param started false when a scan was already running (it goes on; nothing new starts) */
    public record ScanStarted(boolean started, Scan scan) {
    }

    @GetMapping("/scan")
    public Scan scan(Caller caller) {
        caller.requireOwner();
        return Scan.of(library.scanStatus());
    }

    @PostMapping("/scan")
    public ResponseEntity<ScanStarted> rescan(Caller caller, @RequestBody(required = false) ScanRequest request) {
        caller.requireOwner();
        boolean started = library.startScan(request != null && Boolean.TRUE.equals(request.full()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new ScanStarted(started, Scan.of(library.scanStatus())));
    }
}
