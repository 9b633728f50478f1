package dev.minstrel.analytics.stats;

import dev.minstrel.analytics.history.NowPlayingEntry;
import dev.minstrel.analytics.history.PlayHistory;
import dev.minstrel.analytics.sharing.FriendsSee;
import dev.minstrel.analytics.sharing.ListenerSettingsStore;
import dev.minstrel.analytics.stats.CircleReport.Award;
import dev.minstrel.analytics.stats.CircleReport.Member;
import dev.minstrel.analytics.stats.CircleReport.NowListening;
import dev.minstrel.library.catalogue.Catalogue;
import dev.minstrel.library.catalogue.Track;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * The circle's listening for one viewer ({@link CircleReport}), from each member's own stats: who
 * listened most, who is listening now, the circle's streak and awards in the spirit of a Wrapped
 * party, each with the number behind it. What a member shows follows their
 * {@link dev.minstrel.analytics.sharing.ListenerSettings#friendsSee()}; the viewer always sees themself.
 */
public final class CircleStats {

    /** Below this many listens in the period a member wins no award: a handful of plays says little. */
    static final int AWARD_MINIMUM_LISTENS = 10;

    private final DatabaseClient db;
    private final ListeningStats stats;
    private final ListenerSettingsStore settings;
    private final PlayHistory history;
    private final Supplier<Catalogue> catalogue;
    private final ZoneId serverZone;
    private final Clock clock;

    public CircleStats(DatabaseClient db, ListeningStats stats, ListenerSettingsStore settings, PlayHistory history,
                       Supplier<Catalogue> catalogue, ZoneId serverZone, Clock clock) {
        this.db = db;
        this.stats = stats;
        this.settings = settings;
        this.history = history;
        this.catalogue = catalogue;
        this.serverZone = serverZone;
        this.clock = clock;
    }

    private record Seen(String userId, String username, FriendsSee shows, StatsReport report) {
    }

    /**
     * @param usernames every account's username by user id, in any order
     */
    public Mono<CircleReport> forViewer(String viewerId, Map<String, String> usernames, Period period) {
        return Mono.fromCallable(() -> report(viewerId, usernames, period)).subscribeOn(Schedulers.boundedElastic());
    }

    private CircleReport report(String viewerId, Map<String, String> usernames, Period period) {
        List<Seen> members = new ArrayList<>();
        for (Map.Entry<String, String> user : new TreeMap<>(usernames).entrySet()) {
            FriendsSee shows = user.getKey().equals(viewerId) ? FriendsSee.EVERYTHING
                    : settings.stored(user.getKey()).friendsSee();
            if (shows.shares()) {
                members.add(new Seen(user.getKey(), user.getValue(), shows,
                        stats.forUser(user.getKey(), user.getValue(), period).block()));
            }
        }
        List<Member> ranked = members.stream()
                .map(m -> new Member(m.username(), m.report().listens(), m.report().minutesListened(),
                        m.report().currentStreak()))
                .filter(m -> m.listens() > 0).toList();
        List<Member> byTime = ranked.stream().sorted(Comparator.comparingLong(Member::minutes).reversed()
                .thenComparing(Comparator.comparingLong(Member::listens).reversed()).thenComparing(Member::username)).toList();
        List<Member> byListens = ranked.stream().sorted(Comparator.comparingLong(Member::listens).reversed()
                .thenComparing(Comparator.comparingLong(Member::minutes).reversed()).thenComparing(Member::username)).toList();
        Streaks streaks = Streaks.of(days(members.stream().map(Seen::userId).toList()),
                LocalDate.now(clock.withZone(serverZone)).toEpochDay());
        return new CircleReport(period.parameter(), byTime, byListens, listeningNow(members), streaks.current(),
                streaks.longest(), awards(members));
    }

    private List<Long> days(List<String> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return db.sql("SELECT DISTINCT local_day FROM listen_day WHERE scope IN (:ids) AND listens > 0 ORDER BY local_day")
                .bind("ids", userIds)
                .map(row -> row.get("local_day", Integer.class).longValue())
                .all().collectList().block();
    }

    private List<NowListening> listeningNow(List<Seen> members) {
        Map<String, Seen> everything = members.stream().filter(m -> m.shows() == FriendsSee.EVERYTHING)
                .collect(Collectors.toMap(Seen::userId, Function.identity()));
        Catalogue library = catalogue.get();
        List<NowListening> now = new ArrayList<>();
        for (NowPlayingEntry entry : history.nowPlaying()) {
            Seen member = everything.get(entry.userId());
            Optional<Track> track = library.track(entry.trackId());
            if (member != null && track.isPresent()) {
                now.add(new NowListening(member.username(), entry.trackId(), track.get().title(), track.get().artist(),
                        entry.client(), entry.state()));
            }
        }
        return now;
    }

    private static List<Award> awards(List<Seen> members) {
        List<Seen> eligible = members.stream().filter(m -> m.report().listens() >= AWARD_MINIMUM_LISTENS).toList();
        List<Award> awards = new ArrayList<>();
        award(awards, eligible, "night-owl", "Night owl",
                r -> percent(hours(r, 22, 24) + hours(r, 0, 4), r.listens()),
                (r, value) -> value + "% of " + r.listens() + " listens between 22:00 and 04:00");
        award(awards, eligible, "early-bird", "Early bird", r -> percent(hours(r, 5, 9), r.listens()),
                (r, value) -> value + "% of " + r.listens() + " listens between 05:00 and 09:00");
        award(awards, eligible, "explorer", "Explorer", StatsReport::distinctArtists,
                (r, value) -> value + " different artists in " + r.listens() + " listens");
        award(awards, eligible, "loyalist", "Loyalist", r -> percent(favouriteListens(r), r.listens()),
                (r, value) -> value + "% of " + r.listens() + " listens by " + r.topArtists().stream().limit(3)
                        .map(StatsReport.TopArtist::name).collect(Collectors.joining(", ")));
        award(awards, eligible, "on-repeat", "On repeat",
                r -> r.topTracks().isEmpty() || r.topTracks().get(0).listens() < 2 ? 0 : r.topTracks().get(0).listens(),
                (r, value) -> "\"" + r.topTracks().get(0).title() + "\" played " + value + " times");
        return awards;
    }

    /**
     * Gives the award to the member with the highest value above 0; ties go to more listens, then
     * the first username.
     */
    private static void award(List<Award> awards, List<Seen> members, String id, String title,
                              ToLongFunction<StatsReport> value, BiFunction<StatsReport, Long, String> reason) {
        members.stream().filter(m -> value.applyAsLong(m.report()) > 0)
                .max(Comparator.comparingLong((Seen m) -> value.applyAsLong(m.report()))
                        .thenComparingLong(m -> m.report().listens())
                        .thenComparing(Seen::username, Comparator.reverseOrder()))
                .ifPresent(m -> {
                    long won = value.applyAsLong(m.report());
                    awards.add(new Award(id, title, m.username(), won, reason.apply(m.report(), won)));
                });
    }

    private static long hours(StatsReport report, int from, int to) {
        return report.listensByHour().subList(from, to).stream().mapToLong(Long::longValue).sum();
    }

    private static long favouriteListens(StatsReport report) {
        return report.topArtists().stream().limit(3).mapToLong(StatsReport.TopArtist::listens).sum();
    }

    private static long percent(long part, long whole) {
        return whole == 0 ? 0 : Math.round(100.0 * part / whole);
    }
}
