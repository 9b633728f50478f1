package dev.minstrel.server.api.requests;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.minstrel.ingest.Requester;
import dev.minstrel.ingest.job.JobItem;
import dev.minstrel.ingest.link.InvalidLinkException;
import dev.minstrel.ingest.request.RequestRefusedException;
import dev.minstrel.ingest.request.RequestService;
import dev.minstrel.ingest.request.RequestView;
import dev.minstrel.library.catalogue.Track;
import dev.minstrel.server.accounts.Account;
import dev.minstrel.server.api.ApiException;
import dev.minstrel.server.api.Caller;
import dev.minstrel.server.api.KeepAlive;
import dev.minstrel.server.api.PageParameters;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.List;

/**
 * Friends' requests for music. Every account may ask for a link (with a note) and follow its own
 * requests; the owner and friends granted ingest see them all and approve (the download starts) or
 * decline them with a reason.
 */
@RestController
@RequestMapping("/api/requests")
public class RequestsController {

    private static final int MAX_TEXT = 500;
    private static final String ASK_HELP = "The body must be JSON like {\"url\": \"https://open.spotify.com/album/...\", "
            + "\"note\": \"...\"}; the note is optional (at most " + MAX_TEXT + " characters).";
    private static final String DECLINE_HELP = "The body must be JSON like {\"reason\": \"...\"}: the friend reads it "
            + "(at most " + MAX_TEXT + " characters).";

    private final RequestService requests;
    private final JsonMapper json;

    public RequestsController(RequestService requests, JsonMapper json) {
        this.requests = requests;
        this.json = json;
    }

    public record RequestList(List<RequestView> requests, int offset, int limit) {
    }

    /** The answer to asking for music that is in the library already: no request was made. */
    @JsonPropertyOrder({"inLibrary", "message", "songs"})
    public record InLibrary(boolean inLibrary, String message, List<Song> songs) {
    }

    /** A song of the library, with what a client needs to open it ({@code albumId}) or play it ({@code id}). */
    public record Song(String id, String title, String artist, String album, String albumId) {

        static Song of(Track track) {
            return new Song(track.id(), track.title(), track.artist(), track.album(), track.albumId());
        }
    }

    /** 201 and the new request; 200 and the request already waiting for this link, or the songs already here. */
    @PostMapping
    public Mono<ResponseEntity<Object>> ask(Caller caller, @RequestBody(required = false) String body) {
        JsonNode fields = fields(body, ASK_HELP);
        String url = text(fields, "url", ASK_HELP);
        String note = fields.path("note").isNull() || fields.path("note").isMissingNode() ? null : text(fields, "note", ASK_HELP);
        if (url == null || (note != null && note.length() > MAX_TEXT)) {
            throw ApiException.badRequest(ASK_HELP);
        }
        Account account = caller.account();
        try {
            return requests.ask(requester(caller), account.username(), url, note == null || note.isBlank() ? null : note.strip())
                    .map(RequestsController::answer)
                    .onErrorMap(RequestRefusedException.class, RequestsController::problem);
        } catch (InvalidLinkException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static ResponseEntity<Object> answer(RequestService.Asked asked) {
        if (asked instanceof RequestService.AlreadyInLibrary present) {
            return ResponseEntity.ok(new InLibrary(true, present.tracks().size() == 1 ? JobItem.IN_LIBRARY
                    : "These " + present.tracks().size() + " songs are in the library already.",
                    present.tracks().stream().map(Song::of).toList()));
        }
        RequestService.Requested requested = (RequestService.Requested) asked;
        return requested.created()
                ? ResponseEntity.created(URI.create("/api/requests/" + requested.request().id())).body(requested.request())
                : ResponseEntity.ok(requested.request());
    }

    /** Newest first: every request for the owner and friends granted ingest, else the caller's own. */
    @GetMapping
    public Mono<RequestList> list(Caller caller, @RequestParam(defaultValue = "0") String offset,
                                  @RequestParam(defaultValue = "50") String limit) {
        PageParameters page = PageParameters.of(offset, limit);
        return requests.list(requester(caller), page.offset(), page.limit())
                .map(list -> new RequestList(list, page.offset(), page.limit()));
    }

    /**
     * The requests the caller sees as {@code request} events (their JSON as from {@code GET
     * /api/requests/{id}}), then each again as it is made, decided or its download moves on.
     */
    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<String>> events(Caller caller) {
        return KeepAlive.serverSentEvents(requests.events(requester(caller))
                .map(view -> ServerSentEvent.builder(json.writeValueAsString(view)).event("request").build()));
    }

    @GetMapping("/{id}")
    public Mono<RequestView> get(Caller caller, @PathVariable String id) {
        return orNotFound(requests.find(requester(caller), id), id);
    }

    /** Starts the download (or joins the one this link already has). */
    @PostMapping("/{id}/approve")
    public Mono<RequestView> approve(Caller caller, @PathVariable String id) {
        return orNotFound(requests.approve(decider(caller), id), id);
    }

    @PostMapping("/{id}/decline")
    public Mono<RequestView> decline(Caller caller, @PathVariable String id, @RequestBody(required = false) String body) {
        Requester decider = decider(caller);
        String reason = text(fields(body, DECLINE_HELP), "reason", DECLINE_HELP);
        if (reason == null || reason.isBlank() || reason.length() > MAX_TEXT) {
            throw ApiException.badRequest(DECLINE_HELP);
        }
        return orNotFound(requests.decline(decider, id, reason.strip()), id);
    }

    private static Requester requester(Caller caller) {
        Account account = caller.account();
        return new Requester(account.id(), account.isOwner(), account.isOwner() || account.canIngest());
    }

    private static Requester decider(Caller caller) {
        Requester requester = requester(caller);
        if (!requester.mayIngest()) {
            throw ApiException.forbidden("Only the owner and friends who may add music answer requests.");
        }
        return requester;
    }

    private JsonNode fields(String body, String help) {
        if (body == null) {
            throw ApiException.badRequest(help);
        }
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw ApiException.badRequest(help);
            }
            return node;
        } catch (JacksonException e) {
            throw ApiException.badRequest(help);
        }
    }

    /** The field's text; null when absent; 400 when it is there but not text. */
    private static String text(JsonNode fields, String name, String help) {
        JsonNode value = fields.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw ApiException.badRequest(help);
        }
        return value.asString();
    }

    private static ApiException problem(RequestRefusedException e) {
        return new ApiException(HttpStatus.CONFLICT, e.getMessage());
    }

    private static Mono<RequestView> orNotFound(Mono<RequestView> request, String id) {
        return request.onErrorMap(RequestRefusedException.class, RequestsController::problem)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("There is no request " + id + ".")));
    }
}
