package dev.minstrel.analytics.stats;

import dev.minstrel.analytics.listen.ListenerProfiles;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;

/**
 * The stats part of the extension API, in JSON:
 * <ul>
 *   <li>{@code GET /api/stats/me?period=week|month|year|all} (default all): the caller's stats;</li>
 *   <li>{@code GET /api/stats/users/{username}?period=…}: the owner's view of any user (a friend
 *       may ask only for themself);</li>
 *   <li>{@code GET /api/stats/server?period=…}: everyone together, owner only;</li>
 *   <li>{@code GET /api/stats/profile} and {@code PUT /api/stats/profile {"timeZone": "Europe/Paris"}}:
 *       the caller's time zone.</li>
 * </ul>
 * Errors are RFC 9457 problem details.
 */
public final class StatsApi {

    private final ListeningStats stats;
    private final ListenerProfiles profiles;
    private final StatsAccess access;

    public StatsApi(ListeningStats stats, ListenerProfiles profiles, StatsAccess access) {
        this.stats = stats;
        this.profiles = profiles;
        this.access = access;
    }

    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .GET("/api/stats/me", this::me)
                .GET("/api/stats/users/{username}", this::user)
                .GET("/api/stats/server", this::server)
                .GET("/api/stats/profile", this::profile)
                .PUT("/api/stats/profile", this::updateProfile)
                .build();
    }

    /** The body of {@code /api/stats/profile}. */
    public record Profile(String timeZone) {
    }

    private Mono<ServerResponse> me(ServerRequest request) {
        return signedIn(request, caller -> withPeriod(request, period ->
                json(stats.forUser(caller.userId(), caller.username(), period))));
    }

    private Mono<ServerResponse> user(ServerRequest request) {
        String username = request.pathVariable("username");
        return signedIn(request, caller -> withPeriod(request, period -> {
            if (caller.username().equalsIgnoreCase(username)) {
                return json(stats.forUser(caller.userId(), caller.username(), period));
            }
            if (!caller.owner()) {
                return problem(request, HttpStatus.FORBIDDEN, "Only the owner can see other listeners' stats.");
            }
            return access.userIdOf(username)
                    .flatMap(userId -> json(stats.forUser(userId, username, period)))
                    .switchIfEmpty(Mono.defer(() -> problem(request, HttpStatus.NOT_FOUND,
                            "There is no user named '" + username + "'.")));
        }));
    }

    private Mono<ServerResponse> server(ServerRequest request) {
        return signedIn(request, caller -> withPeriod(request, period -> caller.owner()
                ? json(stats.forServer(period))
                : problem(request, HttpStatus.FORBIDDEN, "Only the owner can see the whole server's stats.")));
    }

    private Mono<ServerResponse> profile(ServerRequest request) {
        return signedIn(request, caller -> profiles.zoneOf(caller.userId())
                .flatMap(zone -> json(Mono.just(new Profile(zone.getId())))));
    }

    private Mono<ServerResponse> updateProfile(ServerRequest request) {
        return signedIn(request, caller -> request.bodyToMono(Profile.class)
                .map(Optional::of)
                .onErrorResume(e -> Mono.just(Optional.empty()))
                .defaultIfEmpty(Optional.empty())
                .flatMap(body -> {
                    Optional<ZoneId> zone = body.map(Profile::timeZone).flatMap(StatsApi::zone);
                    if (zone.isEmpty()) {
                        return problem(request, HttpStatus.BAD_REQUEST,
                                "Send {\"timeZone\": \"Area/City\"} with an IANA time zone such as Europe/Paris.");
                    }
                    return profiles.setZone(caller.userId(), zone.get())
                            .flatMap(set -> json(Mono.just(new Profile(set.getId()))));
                }));
    }

    private static Optional<ZoneId> zone(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id.strip()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private Mono<ServerResponse> signedIn(ServerRequest request, Function<StatsCaller, Mono<ServerResponse>> handler) {
        return access.caller(request)
                .flatMap(handler)
                .switchIfEmpty(Mono.defer(() -> problem(request, HttpStatus.UNAUTHORIZED, "Sign in to see stats.")));
    }

    private static Mono<ServerResponse> withPeriod(ServerRequest request, Function<Period, Mono<ServerResponse>> handler) {
        String parameter = request.queryParam("period").orElse(Period.ALL.parameter());
        return Period.of(parameter).map(handler).orElseGet(() -> problem(request, HttpStatus.BAD_REQUEST,
                "period must be week, month, year or all, not '" + parameter + "'."));
    }

    private static Mono<ServerResponse> json(Mono<?> body) {
        return body.flatMap(value -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(value));
    }

    /** An RFC 9457 problem detail. */
    public record Problem(String type, String title, int status, String detail, String instance) {
    }

    private static Mono<ServerResponse> problem(ServerRequest request, HttpStatus status, String detail) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(new Problem("about:blank", status.getReasonPhrase(), status.value(), detail, request.path()));
    }
}
