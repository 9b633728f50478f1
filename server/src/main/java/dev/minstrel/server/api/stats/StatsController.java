package dev.minstrel.server.api.stats;

import dev.minstrel.analytics.Analytics;
import dev.minstrel.analytics.card.RecapCards;
import dev.minstrel.analytics.listen.ListenerProfiles;
import dev.minstrel.analytics.sharing.FriendsSee;
import dev.minstrel.analytics.sharing.ListenerSettings;
import dev.minstrel.analytics.sharing.ListenerSettingsStore;
import dev.minstrel.analytics.stats.CircleReport;
import dev.minstrel.analytics.stats.CircleStats;
import dev.minstrel.analytics.stats.ListeningStats;
import dev.minstrel.analytics.stats.Period;
import dev.minstrel.analytics.stats.Recap;
import dev.minstrel.analytics.stats.StatsReport;
import dev.minstrel.analytics.stats.TasteOverlap;
import dev.minstrel.analytics.stats.TasteOverlaps;
import dev.minstrel.server.accounts.Account;
import dev.minstrel.server.accounts.Accounts;
import dev.minstrel.server.api.ApiException;
import dev.minstrel.server.api.Caller;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Listening stats: the caller's own, the owner's view of any user and of the whole server, each
 * for {@code ?period=week|month|year|all} (default all); the caller's time zone, in which
 * their days, weeks and hours are counted; and their choices about their listening: whether the
 * server makes playlists from it, and what friends see of it; the circle's listening as the
 * caller may see it, and how much of it the caller's taste shares with one member's; and the
 * caller's recap of a year or a month, also as a PNG card.
 */
@RestController
@RequestMapping("/api/stats")
public class StatsController {

    private final ListeningStats stats;
    private final ListenerProfiles profiles;
    private final ListenerSettingsStore settings;
    private final CircleStats circle;
    private final TasteOverlaps overlaps;
    private final RecapCards recapCards;
    private final Accounts accounts;

    public StatsController(Analytics analytics, Accounts accounts) {
        this.stats = analytics.stats();
        this.profiles = analytics.profiles();
        this.settings = analytics.settings();
        this.circle = analytics.circle();
        this.overlaps = analytics.overlaps();
        this.recapCards = analytics.recapCards();
        this.accounts = accounts;
    }

    /** The body of {@code /api/stats/profile}. */
    public record Profile(String timeZone) {
    }

    /**
     * The body of {@code /api/stats/settings}; in a change, a field left out stays as it is.
     *
     * @param friendsSee {@code nothing}, {@code top-lists} or {@code everything}
     */
    public record Settings(Boolean madePlaylists, String friendsSee) {

        static Settings of(ListenerSettings settings) {
            return new Settings(settings.madePlaylists(), settings.friendsSee().parameter());
        }
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

    /**
     * The circle as the caller sees it: themself and whoever lets friends see their listening, for
     * {@code ?period=} (default this week).
     */
    @GetMapping("/circle")
    public Mono<CircleReport> circle(Caller caller, @RequestParam(name = "period", required = false) String period) {
        Period wanted = period(period == null ? Period.WEEK.parameter() : period);
        return accounts.all().collectMap(Account::id, Account::username)
                .flatMap(usernames -> circle.forViewer(caller.account().id(), usernames, wanted));
    }

    /**
     * How much of the caller's taste {@code ?with=} a member shares, for {@code ?period=} (default
     * all). A friend may compare only with someone who lets friends see at least their top lists;
     * anyone else is answered as if there were no such member, so that the answer does not tell who
     * has an account. The owner, who sees everyone's stats, may compare with anyone.
     */
    @GetMapping("/overlap")
    public Mono<TasteOverlap> overlap(Caller caller, @RequestParam(name = "with", required = false) String with,
                                      @RequestParam(name = "period", required = false) String period) {
        Period wanted = period(period);
        Account account = caller.account();
        if (with == null || with.isBlank()) {
            throw ApiException.badRequest("Say whom to compare with: ?with=<username>.");
        }
        if (account.username().equalsIgnoreCase(with.strip())) {
            throw ApiException.badRequest("Your taste overlaps entirely with your own: compare with someone else.");
        }
        ApiException nobody = ApiException.notFound("There is nobody named '" + with.strip()
                + "' in your circle (or they do not let friends see their listening).");
        return accounts.byUsername(with.strip())
                .filterWhen(other -> account.isOwner() ? Mono.just(true)
                        : settings.of(other.id()).map(shown -> shown.friendsSee().shares()))
                .switchIfEmpty(Mono.error(nobody))
                .flatMap(other -> overlaps.between(account.id(), other.id(), other.username(), wanted));
    }

    /** The caller's recap of {@code ?period=2026} (a year) or {@code ?period=2026-03} (a month). */
    @GetMapping("/recap")
    public Mono<Recap> recap(Caller caller, @RequestParam(name = "period", required = false) String period) {
        Account account = caller.account();
        return stats.recap(account.id(), account.username(), period)
                .switchIfEmpty(Mono.error(() -> badRecapPeriod(period)));
    }

    /**
     * The same recap as a shareable 1080 × 1350 PNG. The card changes with each listen, so the
     * browser keeps it a minute and then asks again with its entity tag; an unchanged card is not
     * sent twice.
     */
    @GetMapping("/recap.png")
    public Mono<ResponseEntity<byte[]>> recapCard(Caller caller, @RequestParam(name = "period", required = false) String period,
                                                  @RequestHeader(name = "If-None-Match", required = false) String seen) {
        Account account = caller.account();
        CacheControl oneMinute = CacheControl.maxAge(Duration.ofMinutes(1)).cachePrivate();
        return recapCards.card(account.id(), account.username(), period)
                .switchIfEmpty(Mono.error(() -> badRecapPeriod(period)))
                .map(card -> card.etag().equals(seen)
                        ? ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(card.etag()).cacheControl(oneMinute).<byte[]>build()
                        : ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).eTag(card.etag()).cacheControl(oneMinute)
                                .header("Content-Disposition", ContentDisposition.inline()
                                        .filename("recap-" + account.username() + "-" + period + ".png").build().toString())
                                .body(card.png()));
    }

    private static ApiException badRecapPeriod(String period) {
        return ApiException.badRequest("period must be a year such as 2026 or a month such as 2026-03, not '"
                + (period == null ? "" : period) + "'.");
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

    @GetMapping("/settings")
    public Mono<Settings> settings(Caller caller) {
        return settings.of(caller.account().id()).map(Settings::of);
    }

    /** Changes what is given, keeps the rest; answers the settings as stored. */
    @PutMapping("/settings")
    public Mono<Settings> updateSettings(Caller caller, @RequestBody(required = false) Mono<Settings> body) {
        String userId = caller.account().id();
        String explanation = "Send {\"madePlaylists\": true|false, \"friendsSee\": \"nothing\"|\"top-lists\"|\"everything\"}"
                + " (either or both).";
        return body.map(Optional::of)
                .onErrorResume(e -> Mono.just(Optional.empty()))
                .defaultIfEmpty(Optional.empty())
                .flatMap(change -> {
                    Settings wanted = change.filter(c -> c.madePlaylists() != null || c.friendsSee() != null)
                            .orElseThrow(() -> ApiException.badRequest(explanation));
                    FriendsSee friendsSee = wanted.friendsSee() == null ? null : FriendsSee.of(wanted.friendsSee())
                            .orElseThrow(() -> ApiException.badRequest("friendsSee must be nothing, top-lists or "
                                    + "everything, not '" + wanted.friendsSee() + "'."));
                    return settings.of(userId).flatMap(current -> settings.save(userId, new ListenerSettings(
                            wanted.madePlaylists() != null ? wanted.madePlaylists() : current.madePlaylists(),
                            friendsSee != null ? friendsSee : current.friendsSee())));
                })
                .map(Settings::of);
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
