package dev.minstrel.analytics.playlists;

import dev.minstrel.analytics.sharing.ListenerSettingsStore;
import dev.minstrel.analytics.stats.ListeningStats;
import dev.minstrel.analytics.stats.Period;
import dev.minstrel.analytics.stats.StatsReport;
import dev.minstrel.library.catalogue.Catalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The playlists the server makes from listening (rules in docs/listening-stats.md): each user's
 * "Top 25 this week", "On repeat", "Rediscover" and a mix for their persona, and "The circle this
 * week" from everyone who shares their listening. They are kept in memory and made again off the
 * request path: a listen marks its user's (and the circle's) as out of date, and {@link #refresh}
 * (run every {@link #TICK} by {@link #start}) makes those again; every list is also made again after
 * {@link #STALE} however quiet it was, since its time windows move on. A request only reads what is
 * there, except the very first one of a user after a start, which makes theirs.
 */
public final class MadePlaylists {

    public static final String ID_PREFIX = "mp-";
    public static final String TOP_WEEK = ID_PREFIX + "top-week";
    public static final String ON_REPEAT = ID_PREFIX + "on-repeat";
    public static final String REDISCOVER = ID_PREFIX + "rediscover";
    public static final String PERSONA = ID_PREFIX + "persona";
    public static final String CIRCLE_WEEK = ID_PREFIX + "circle-week";

    static final int SIZE = 25;
    static final Duration WEEK = Duration.ofDays(7);
    static final Duration MONTH = Duration.ofDays(30);
    static final Duration REDISCOVER_AFTER = Duration.ofDays(90);
    /** "played a lot": at least this many listens of a track */
    static final int REDISCOVER_MINIMUM_LISTENS = 3;
    /** a track "on repeat" was heard at least twice in the last 30 days */
    static final int ON_REPEAT_MINIMUM_LISTENS = 2;
    /** the persona mix draws on the last 90 days */
    static final Duration PERSONA_WINDOW = Duration.ofDays(90);
    static final Duration STALE = Duration.ofMinutes(10);
    /** How often {@link #start} looks for out-of-date lists. */
    static final Duration TICK = Duration.ofSeconds(15);
    /** A list shown now is made again, if a listen changes it, within this: what {@code validUntil} tells apps. */
    public static final Duration FRESH_FOR = Duration.ofMinutes(1);
    private static final String CIRCLE = "*";
    private static final Logger log = LoggerFactory.getLogger(MadePlaylists.class);

    /** The persona mixes, in the order a listener with several personas gets one. */
    private static final List<PersonaMix> MIXES = List.of(
            new PersonaMix("night-owl", "Night owl mix", "(local_hour >= 22 OR local_hour < 4)"),
            new PersonaMix("early-bird", "Early bird mix", "local_hour >= 5 AND local_hour < 9"),
            new PersonaMix("weekend-listener", "Weekend mix", "weekday >= 6"),
            new PersonaMix("loyalist", "Loyalist's favourites", "artist_id IN (:artists)"),
            new PersonaMix("explorer", "Explorer's finds", "artist_id IN (SELECT artist_id FROM listen "
                    + "WHERE user_id = :u AND artist_id IS NOT NULL GROUP BY artist_id HAVING MIN(started_at) >= :from)"));

    private record PersonaMix(String persona, String name, String condition) {
    }

    private record Made(Instant at, List<MadePlaylist> playlists) {
    }

    private final DatabaseClient db;
    private final ListeningStats stats;
    private final ListenerSettingsStore settings;
    private final Supplier<Catalogue> catalogue;
    private final Clock clock;
    private final Map<String, Made> made = new ConcurrentHashMap<>();
    private final Set<String> outOfDate = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean circleOutOfDate = new AtomicBoolean();
    private final Object refreshing = new Object();

    public MadePlaylists(DatabaseClient db, ListeningStats stats, ListenerSettingsStore settings,
                         Supplier<Catalogue> catalogue, Clock clock) {
        this.db = db;
        this.stats = stats;
        this.settings = settings;
        this.catalogue = catalogue;
        this.clock = clock;
        // a user's choices changed (or their account went): their lists are made again when next
        // needed, and the circle's, which may no longer count them
        settings.onChange(userId -> {
            made.remove(userId);
            circleOutOfDate.set(true);
        });
    }

    public static boolean isMade(String playlistId) {
        return playlistId.startsWith(ID_PREFIX);
    }

    /** A listen of {@code userId} was counted: their playlists and the circle's are out of date. */
    public void listened(String userId) {
        outOfDate.add(userId);
        circleOutOfDate.set(true);
    }

    /**
     * The made playlists {@code userId} sees: none when they turned them off; else their own and the
     * circle's, those without songs left out.
     */
    public Mono<List<MadePlaylist>> visibleTo(String userId) {
        return Mono.fromCallable(() -> {
            if (!settings.stored(userId).madePlaylists()) {
                return List.<MadePlaylist>of();
            }
            List<MadePlaylist> visible = new ArrayList<>(current(userId).playlists());
            visible.addAll(current(CIRCLE).playlists());
            return visible.stream().filter(p -> !p.trackIds().isEmpty()).toList();
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** One of the playlists {@code userId} sees, by id. */
    public Mono<MadePlaylist> find(String userId, String playlistId) {
        return visibleTo(userId).flatMap(all -> Mono.justOrEmpty(
                all.stream().filter(p -> p.id().equals(playlistId)).findFirst()));
    }

    /** Makes again what a listen, a changed setting or time has put out of date. Blocking. */
    public void refresh() {
        synchronized (refreshing) {
            Instant staleBefore = clock.instant().minus(STALE);
            for (Map.Entry<String, Made> entry : made.entrySet()) {
                if (!entry.getValue().at().isBefore(staleBefore)) {
                    continue;
                }
                if (entry.getKey().equals(CIRCLE)) {
                    circleOutOfDate.set(true);
                } else {
                    outOfDate.add(entry.getKey());
                }
            }
            for (String userId : List.copyOf(outOfDate)) {
                outOfDate.remove(userId);
                made.put(userId, make(userId));
            }
            if (circleOutOfDate.getAndSet(false)) {
                made.put(CIRCLE, make(CIRCLE));
            }
        }
    }

    /** Runs {@link #refresh} every {@link #TICK} on a background thread until disposed. */
    public Disposable start() {
        return Flux.interval(TICK, TICK, Schedulers.boundedElastic())
                .onBackpressureDrop()
                .concatMap(tick -> Mono.fromRunnable(this::refresh)
                        .onErrorResume(e -> {
                            log.warn("Could not make the listening playlists again: {}", e.toString());
                            return Mono.empty();
                        }), 1)
                .subscribe();
    }

    private Made current(String key) {
        Made known = made.get(key);
        if (known != null) {
            return known;
        }
        synchronized (refreshing) {
            return made.computeIfAbsent(key, this::make);
        }
    }

    private Made make(String key) {
        Instant now = clock.instant();
        Map<String, MadePlaylist> before = new HashMap<>();
        Optional.ofNullable(made.get(key)).ifPresent(m -> m.playlists().forEach(p -> before.put(p.id(), p)));
        List<MadePlaylist> playlists = new ArrayList<>();
        if (key.equals(CIRCLE)) {
            playlists.add(playlist(before, CIRCLE_WEEK, "The circle this week",
                    "What the circle played most in the last 7 days, from everyone who shares their listening",
                    true, circleWeek(now), now));
        } else {
            playlists.add(playlist(before, TOP_WEEK, "Top 25 this week", "Your most played songs of the last 7 days",
                    false, mostPlayed(key, now.minus(WEEK), 1, "TRUE", Map.of()), now));
            playlists.add(playlist(before, ON_REPEAT, "On repeat",
                    "Songs you played at least twice in the last 30 days, most played first",
                    false, mostPlayed(key, now.minus(MONTH), ON_REPEAT_MINIMUM_LISTENS, "TRUE", Map.of()), now));
            playlists.add(playlist(before, REDISCOVER, "Rediscover",
                    "Songs you played a lot but not in the last 90 days", false, rediscover(key, now), now));
            persona(key, now).ifPresent(mix -> playlists.add(playlist(before, PERSONA, mix.name(), mix.comment(),
                    false, mix.trackIds(), now)));
        }
        return new Made(now, List.copyOf(playlists));
    }

    private record Mix(String name, String comment, List<String> trackIds) {
    }

    private static MadePlaylist playlist(Map<String, MadePlaylist> before, String id, String name, String comment,
                                         boolean circle, List<String> trackIds, Instant now) {
        MadePlaylist previous = before.get(id);
        Instant created = previous == null ? now : previous.created();
        Instant changed = previous != null && previous.trackIds().equals(trackIds) && previous.name().equals(name)
                ? previous.changed() : now;
        return new MadePlaylist(id, name, comment, circle, created, changed, List.copyOf(trackIds));
    }

    /** Tracks the user listened to at least {@code minimum} times since {@code from} and matching {@code condition}, most first. */
    private List<String> mostPlayed(String userId, Instant from, int minimum, String condition, Map<String, Object> binds) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("SELECT track_id, COUNT(*) AS n, MAX(started_at) AS last_at "
                        + "FROM listen WHERE user_id = :u AND started_at >= :from AND " + condition
                        + " GROUP BY track_id HAVING COUNT(*) >= :minimum")
                .bind("u", userId).bind("from", from.toEpochMilli()).bind("minimum", minimum);
        for (Map.Entry<String, Object> bind : binds.entrySet()) {
            spec = spec.bind(bind.getKey(), bind.getValue());
        }
        List<Counted> counted = spec.map(row -> new Counted(row.get("track_id", String.class), row.get("n", Long.class),
                row.get("last_at", Long.class))).all().collectList().block();
        return top(counted);
    }

    private record Counted(String trackId, long listens, long lastAt) {
    }

    /** Most listens first, then the most recently played, then by id: the same order every time. */
    private List<String> top(List<Counted> counted) {
        Catalogue library = catalogue.get();
        return counted.stream()
                .sorted(Comparator.comparingLong(Counted::listens).reversed()
                        .thenComparing(Comparator.comparingLong(Counted::lastAt).reversed())
                        .thenComparing(Counted::trackId))
                .map(Counted::trackId)
                .filter(id -> library.track(id).isPresent())
                .limit(SIZE).toList();
    }

    private List<String> rediscover(String userId, Instant now) {
        List<Counted> counted = db.sql("SELECT item, listens, last_started FROM listen_item WHERE scope = :u "
                        + "AND period = 'a' AND period_start = 0 AND kind = 'track' AND listens >= :minimum "
                        + "AND last_started < :before")
                .bind("u", userId).bind("minimum", (long) REDISCOVER_MINIMUM_LISTENS)
                .bind("before", now.minus(REDISCOVER_AFTER).toEpochMilli())
                .map(row -> new Counted(row.get("item", String.class), row.get("listens", Long.class),
                        row.get("last_started", Long.class)))
                .all().collectList().block();
        return top(counted);
    }

    /** The mix of the listener's first persona (over all their listening) that has one, from the last 90 days. */
    private Optional<Mix> persona(String userId, Instant now) {
        StatsReport report = stats.forUser(userId, null, Period.ALL).block();
        if (report == null) {
            return Optional.empty();
        }
        for (PersonaMix mix : MIXES) {
            Optional<StatsReport.Persona> persona = report.personas().stream()
                    .filter(p -> p.id().equals(mix.persona())).findFirst();
            if (persona.isEmpty()) {
                continue;
            }
            Map<String, Object> binds = mix.persona().equals("loyalist")
                    ? Map.of("artists", report.topArtists().stream().limit(3).map(StatsReport.TopArtist::id).toList())
                    : Map.of();
            List<String> tracks = mostPlayed(userId, now.minus(PERSONA_WINDOW), 1, mix.condition(), binds);
            return Optional.of(new Mix(mix.name(), "Made for you: " + persona.get().reason(), tracks));
        }
        return Optional.empty();
    }

    /** Everyone who shares their listening, their last 7 days added together. */
    private List<String> circleWeek(Instant now) {
        Map<String, Counted> total = new HashMap<>();
        long from = now.minus(WEEK).toEpochMilli();
        for (String userId : settings.sharing()) {
            db.sql("SELECT track_id, COUNT(*) AS n, MAX(started_at) AS last_at FROM listen "
                            + "WHERE user_id = :u AND started_at >= :from GROUP BY track_id")
                    .bind("u", userId).bind("from", from)
                    .map(row -> new Counted(row.get("track_id", String.class), row.get("n", Long.class),
                            row.get("last_at", Long.class)))
                    .all().toStream()
                    .forEach(c -> total.merge(c.trackId(), c, (a, b) -> new Counted(a.trackId(),
                            a.listens() + b.listens(), Math.max(a.lastAt(), b.lastAt()))));
        }
        return top(List.copyOf(total.values()));
    }
}
