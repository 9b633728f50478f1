package dev.minstrel.server.api.stats;

import dev.minstrel.analytics.Analytics;
import dev.minstrel.analytics.listen.ListenerProfiles;
import dev.minstrel.analytics.stats.ListeningStats;
import dev.minstrel.analytics.stats.Period;
import dev.minstrel.analytics.stats.StatsReport;
import dev.minstrel.server.accounts.Account;
import dev.minstrel.server.accounts.Accounts;
import dev.minstrel.server.api.ApiException;
import dev.minstrel.server.api.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Listening stats: the caller's own, the owner's view of any user and of the whole server, each
 * for {@code ?period=week|month|year|all} (default all); and the caller's time zone, in which
 * their days, weeks and hours are counted.
 */
@RestController
@RequestMapping("/api/stats")
public class StatsController {

    private final ListeningStats stats;
    private final ListenerProfiles profiles;
    private final Accounts accounts;

    public StatsController(Analytics analytics, Accounts accounts) {
        this.stats = analytics.stats();
        this.profiles = analytics.profiles();
        this.accounts = accounts;
    }

    /** The body of {@code /api/stats/profile}. */
    public record Profile(String timeZone) {
    }

    @GetMapping("/me")
    public Mono<StatsReport> me(Caller caller, @RequestParam(name = "period", required = false) String period) {
        Account account = caller.account();
        return stats.forUser(account.id(), account.username(), period(period));
    }

    /** Anyone's for the owner; a friend may ask only for themself. */
    @GetMapping("/users/{username}")
    public Mono<StatsReport> user(Caller caller, @PathVariable String username,
                                  @RequestParam(name = "period", required = false) String period) {
        Period wanted = period(period);
        Account account = caller.account();
        if (account.username().equalsIgnoreCase(username)) {
            return stats.forUser(account.id(), account.username(), wanted);
        }
        if (!account.isOwner()) {
            throw ApiException.forbidden("Only the owner can see other listeners' stats.");
        }
        return accounts.byUsername(username)
                .flatMap(user -> stats.forUser(user.id(), username, wanted))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("There is no user named '" + username + "'.")));
    }

    @GetMapping("/server")
    public Mono<StatsReport> server(Caller caller, @RequestParam(name = "period", required = false) String period) {
        Period wanted = period(period);
        if (!caller.account().isOwner()) {
            throw ApiException.forbidden("Only the owner can see the whole server's stats.");
        }
        return stats.forServer(wanted);
    }

    @GetMapping("/profile")
    public Mono<Profile> profile(Caller caller) {
        return profiles.zoneOf(caller.account().id()).map(zone -> new Profile(zone.getId()));
    }

    /**
     * Re-places the caller's past listens in the new zone. Whatever is wrong with the body (not
     * JSON, no zone, an unknown zone) gets the same plain explanation.
     */
    @PutMapping("/profile")
    public Mono<Profile> updateProfile(Caller caller, @RequestBody(required = false) Mono<Profile> body) {
        return body.map(Optional::of)
                .onErrorResume(e -> Mono.just(Optional.empty()))
                .defaultIfEmpty(Optional.empty())
                .flatMap(profile -> {
                    ZoneId zone = profile.map(Profile::timeZone).flatMap(StatsController::zone)
                            .orElseThrow(() -> ApiException.badRequest(
                                    "Send {\"timeZone\": \"Area/City\"} with an IANA time zone such as Europe/Paris."));
                    return profiles.setZone(caller.account().id(), zone).map(set -> new Profile(set.getId()));
                });
    }

    private static Period period(String parameter) {
        String name = parameter == null ? Period.ALL.parameter() : parameter;
        return Period.of(name).orElseThrow(() -> ApiException.badRequest(
                "period must be week, month, year or all, not '" + name + "'."));
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
}
