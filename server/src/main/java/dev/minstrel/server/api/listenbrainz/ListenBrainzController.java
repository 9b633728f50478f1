package dev.minstrel.server.api.listenbrainz;

import dev.minstrel.analytics.listenbrainz.ListenBrainzForwarder;
import dev.minstrel.analytics.listenbrainz.ListenBrainzStatus;
import dev.minstrel.analytics.listenbrainz.ListenBrainzUnavailable;
import dev.minstrel.server.api.ApiException;
import dev.minstrel.server.api.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Optional;

/**
 * The caller's link to their ListenBrainz account: a token checked with ListenBrainz before it is
 * stored (sealed), the state of the forwarding, and disconnecting. The token is never shown back.
 */
@RestController
@RequestMapping("/api/me/listenbrainz")
public class ListenBrainzController {

    private final ListenBrainzForwarder forwarder;

    public ListenBrainzController(ListenBrainzForwarder forwarder) {
        this.forwarder = forwarder;
    }

    public record TokenBody(String token) {

        /** Keeps the token out of any log that prints the body. */
        @Override
        public String toString() {
            return "TokenBody[]";
        }
    }

    /** What the caller sees of their link; never the token. */
    public record Link(boolean connected, String userName, long queued, Instant lastSubmittedAt, String lastError,
                       boolean sending) {

        static Link of(ListenBrainzStatus status) {
            return new Link(status.connected(), status.userName(), status.queued(), status.lastSubmittedAt(),
                    status.lastError(), status.sending());
        }
    }

    @GetMapping
    public Mono<Link> link(Caller caller) {
        return forwarder.status(caller.account().id()).map(Link::of);
    }

    @PutMapping
    public Mono<Link> connect(Caller caller, @RequestBody(required = false) Mono<TokenBody> body) {
        return body.map(Optional::of)
                .onErrorResume(e -> Mono.just(Optional.empty()))
                .defaultIfEmpty(Optional.empty())
                .flatMap(sent -> {
                    String token = sent.map(TokenBody::token).map(String::strip).filter(t -> !t.isEmpty())
                            .orElseThrow(() -> ApiException.badRequest(
                                    "Send {\"token\": \"...\"} with your ListenBrainz user token "
                                            + "(listenbrainz.org → Settings → User token)."));
                    return forwarder.connect(caller.account().id(), token)
                            .onErrorMap(ListenBrainzUnavailable.class,
                                    e -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                                            "The token could not be checked: " + e.getMessage()
                                                    + ". Nothing was stored."))
                            .switchIfEmpty(Mono.error(() -> new ApiException(HttpStatus.UNPROCESSABLE_CONTENT,
                                    "ListenBrainz says this token is not valid. Nothing was stored.")))
                            .map(Link::of);
                });
    }

    @DeleteMapping
    public Mono<ResponseEntity<Void>> disconnect(Caller caller) {
        return forwarder.disconnect(caller.account().id()).thenReturn(ResponseEntity.noContent().build());
    }
}
