package dev.minstrel.server.api.watches;

import dev.minstrel.ingest.Requester;
import dev.minstrel.ingest.link.InvalidLinkException;
import dev.minstrel.ingest.watch.Watch;
import dev.minstrel.ingest.watch.WatchRefusedException;
import dev.minstrel.ingest.watch.WatchService;
import dev.minstrel.server.api.ApiException;
import dev.minstrel.server.api.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.List;

import static dev.minstrel.server.api.ingest.IngestCaller.requester;
import static dev.minstrel.server.api.ingest.IngestCaller.url;

/**
 * Watched playlists: a Spotify or YouTube playlist downloaded now, checked again on a schedule,
 * its new songs downloaded and the whole mirrored, in the source's order, as a read-only playlist
 * every app sees. For the owner and friends granted ingest (a friend sees and removes their own).
 */
@RestController
@RequestMapping("/api/watches")
public class WatchesController {

    private static final String ADD_HELP = "The body must be JSON like "
            + "{\"url\": \"https://open.spotify.com/playlist/...\"} (a Spotify or YouTube playlist).";

    private final WatchService watches;
    private final JsonMapper json;

    public WatchesController(WatchService watches, JsonMapper json) {
        this.watches = watches;
        this.json = json;
    }

    public record WatchList(List<Watch> watches) {
    }

    /** 201 and the new watch; 400 for a link that is not a playlist, 409 for a playlist watched already. */
    @PostMapping
    public Mono<ResponseEntity<Watch>> add(Caller caller, @RequestBody(required = false) String body) {
        Requester requester = requester(caller);
        String url = url(json, body, ADD_HELP).strip();
        try {
            return watches.add(requester, url)
                    .map(watch -> ResponseEntity.created(URI.create("/api/watches/" + watch.id())).body(watch))
                    .onErrorMap(WatchRefusedException.class, WatchesController::problem);
        } catch (InvalidLinkException e) {
            throw ApiException.badRequest(e.getMessage());
        } catch (WatchRefusedException e) {
            throw problem(e);
        }
    }

    @GetMapping
    public Mono<WatchList> list(Caller caller) {
        return watches.list(requester(caller)).map(WatchList::new);
    }

    @GetMapping("/{id}")
    public Mono<Watch> get(Caller caller, @PathVariable String id) {
        return orNotFound(watches.find(requester(caller), id), id);
    }

    /** Checks the playlist now instead of at its next check (a failing watch too); a running sync goes on. */
    @PostMapping("/{id}/check")
    public Mono<Watch> check(Caller caller, @PathVariable String id) {
        return orNotFound(watches.checkNow(requester(caller), id), id);
    }

    /** Stops watching; the songs stay in the library, and with {@code keepPlaylist=true} the mirror as an ordinary playlist. */
    @DeleteMapping("/{id}")
    public Mono<ResponseEntity<Void>> remove(Caller caller, @PathVariable String id,
                                             @RequestParam(defaultValue = "false") String keepPlaylist) {
        Requester requester = requester(caller);
        if (!keepPlaylist.equals("true") && !keepPlaylist.equals("false")) {
            throw ApiException.badRequest("keepPlaylist must be true or false.");
        }
        return watches.remove(requester, id, Boolean.parseBoolean(keepPlaylist))
                .map(removed -> {
                    if (!removed) {
                        throw ApiException.notFound("There is no watched playlist " + id + ".");
                    }
                    return ResponseEntity.noContent().<Void>build();
                });
    }

    private static ApiException problem(WatchRefusedException e) {
        return e.kind() == WatchRefusedException.Kind.ALREADY_WATCHED
                ? new ApiException(HttpStatus.CONFLICT, e.getMessage())
                : ApiException.badRequest(e.getMessage());
    }

    private static Mono<Watch> orNotFound(Mono<Watch> watch, String id) {
        return watch.switchIfEmpty(Mono.error(() -> ApiException.notFound("There is no watched playlist " + id + ".")));
    }
}
