package dev.minstrel.server.listenbrainz;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.minstrel.analytics.history.ExportedListen;
import dev.minstrel.analytics.listenbrainz.ListenBrainzService;
import dev.minstrel.analytics.listenbrainz.ListenBrainzUnavailable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * ListenBrainz's API over HTTP ({@code Authorization: Token ...}, as its documentation says).
 * Tokens go only into that header; nothing here logs a request.
 */
public final class ListenBrainzClient implements ListenBrainzService {

    private final WebClient web;
    private final String base;
    private final Duration timeout;

    public ListenBrainzClient(ListenBrainzSettings settings) {
        this.base = settings.url().toString().replaceAll("/+$", "");
        this.timeout = settings.timeout();
        this.web = WebClient.builder().build();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ValidateReply(@JsonProperty("valid") Boolean valid, @JsonProperty("user_name") String userName) {
    }

    @Override
    public Mono<TokenCheck> validate(String token) {
        return web.get().uri(base + "/1/validate-token")
                .header(HttpHeaders.AUTHORIZATION, "Token " + token)
                .exchangeToMono(response -> {
                    int status = response.statusCode().value();
                    if (status == 200) {
                        return response.bodyToMono(ValidateReply.class)
                                .map(reply -> new TokenCheck(Boolean.TRUE.equals(reply.valid()),
                                        Boolean.TRUE.equals(reply.valid()) ? reply.userName() : null));
                    }
                    if (status == 400 || status == 401 || status == 403) {
                        return response.releaseBody().thenReturn(new TokenCheck(false, null));
                    }
                    return response.releaseBody().then(Mono.error(new ListenBrainzUnavailable(
                            "ListenBrainz at " + base + " answered " + status + "; try again later")));
                })
                .timeout(timeout)
                .onErrorMap(e -> !(e instanceof ListenBrainzUnavailable), e -> new ListenBrainzUnavailable(
                        "ListenBrainz at " + base + " cannot be reached (" + reason(e) + "); try again later"));
    }

    @Override
    public Mono<Submission> submit(String token, List<ExportedListen> listens) {
        // "single" is for exactly one listen; a batch is an "import", as ListenBrainz's API says
        return post(token, new ListenBrainzFormat.Submission(listens.size() == 1 ? "single" : "import",
                listens.stream().map(ListenBrainzFormat::listen).toList()));
    }

    @Override
    public Mono<Submission> playingNow(String token, ExportedListen listen) {
        return post(token, new ListenBrainzFormat.Submission("playing_now", List.of(ListenBrainzFormat.playingNow(listen))));
    }

    private Mono<Submission> post(String token, ListenBrainzFormat.Submission body) {
        return web.post().uri(base + "/1/submit-listens")
                .header(HttpHeaders.AUTHORIZATION, "Token " + token)
                .bodyValue(body)
                .exchangeToMono(ListenBrainzClient::outcome)
                .timeout(timeout)
                .onErrorResume(e -> Mono.just(new Submission(Submission.Outcome.UNAVAILABLE, null,
                        "ListenBrainz at " + base + " cannot be reached (" + reason(e) + ")")));
    }

    private static Mono<Submission> outcome(ClientResponse response) {
        int status = response.statusCode().value();
        if (status == 200) {
            return response.releaseBody().thenReturn(Submission.ACCEPTED);
        }
        return response.bodyToMono(String.class).defaultIfEmpty("").map(body -> {
            String said = "ListenBrainz answered " + status + (body.isBlank() ? "" : ": " + clip(body));
            if (status == 401) {
                return new Submission(Submission.Outcome.UNAUTHORIZED, null, said);
            }
            if (status == 429) {
                return new Submission(Submission.Outcome.UNAVAILABLE, resetIn(response), said);
            }
            if (status >= 500) {
                return new Submission(Submission.Outcome.UNAVAILABLE, null, said);
            }
            return new Submission(Submission.Outcome.REJECTED, null, said);
        });
    }

    /** 429's {@code X-RateLimit-Reset-In}: seconds until ListenBrainz takes requests again. */
    private static Duration resetIn(ClientResponse response) {
        String value = response.headers().asHttpHeaders().getFirst("X-RateLimit-Reset-In");
        try {
            return value == null ? null : Duration.ofSeconds(Math.max(1, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String reason(Throwable e) {
        return e instanceof TimeoutException ? "no answer in time"
                : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static String clip(String body) {
        String line = body.replaceAll("\\s+", " ").strip();
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
