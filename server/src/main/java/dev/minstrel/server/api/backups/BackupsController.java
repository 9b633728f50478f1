package dev.minstrel.server.api.backups;

import dev.minstrel.server.api.ApiException;
import dev.minstrel.server.api.Caller;
import dev.minstrel.server.backup.Backup;
import dev.minstrel.server.backup.Backups;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;

/** The owner's backups of the database and key file: take one now, list them. */
@RestController
@RequestMapping("/api/backups")
public class BackupsController {

    private final Backups backups;

    public BackupsController(Backups backups) {
        this.backups = backups;
    }

    /** Takes a backup while the server goes on serving; answers once it is complete on disk. */
    @PostMapping
    public Mono<ResponseEntity<Backup>> take(Caller caller) {
        caller.requireOwner();
        if (!backups.available()) {
            throw new ApiException(HttpStatus.CONFLICT,
                    "Minstrel backs up its embedded database only; back up PostgreSQL with pg_dump");
        }
        return Mono.fromCallable(backups::take).subscribeOn(Schedulers.boundedElastic())
                .map(backup -> ResponseEntity.status(HttpStatus.CREATED).body(backup));
    }

    /** Newest first. */
    @GetMapping
    public Mono<List<Backup>> list(Caller caller) {
        caller.requireOwner();
        return Mono.fromCallable(backups::list).subscribeOn(Schedulers.boundedElastic());
    }
}
