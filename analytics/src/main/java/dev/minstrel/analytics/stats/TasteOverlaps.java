package dev.minstrel.analytics.stats;

import dev.minstrel.analytics.OneConnection;
import dev.minstrel.analytics.listen.ListenerProfiles;
import dev.minstrel.analytics.stats.ListeningStats.Item;
import dev.minstrel.analytics.stats.ListeningStats.Names;
import dev.minstrel.analytics.stats.ListeningStats.Slice;
import dev.minstrel.analytics.stats.TasteOverlap.SharedArtist;
import dev.minstrel.analytics.stats.TasteOverlap.SharedTrack;
import dev.minstrel.library.catalogue.Catalogue;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The taste two listeners share ({@link TasteOverlap}), from their roll-ups of the period: every
 * artist and track each listened to with its listens, two indexed reads per listener. Who may
 * compare with whom is the caller's business (the server checks what the other lets friends see).
 */
public final class TasteOverlaps {

    /** Shared artists and tracks shown as examples. */
    static final int EXAMPLES = 5;

    private final DatabaseClient db;
    private final ListenerProfiles profiles;
    private final Supplier<Catalogue> catalogue;
    private final Clock clock;

    public TasteOverlaps(DatabaseClient db, ListenerProfiles profiles, Supplier<Catalogue> catalogue, Clock clock) {
        this.db = db;
        this.profiles = profiles;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /**
     * The overlap of {@code youId}'s and {@code themId}'s listening in the period, each in their
     * own zone's calendar (as in the circle view).
     */
    public Mono<TasteOverlap> between(String youId, String themId, String themName, Period period) {
        return Mono.zip(profiles.zoneOf(youId), profiles.zoneOf(themId)).flatMap(zones ->
                Mono.fromCallable(() -> OneConnection.run(db.getConnectionFactory(), false, one -> {
                    Slice you = slice(youId, period, zones.getT1());
                    Slice them = slice(themId, period, zones.getT2());
                    Map<String, Long> yourArtists = counts(one, you, "artist");
                    Map<String, Long> theirArtists = counts(one, them, "artist");
                    Map<String, Long> yourTracks = counts(one, you, "track");
                    Map<String, Long> theirTracks = counts(one, them, "track");
                    int artistScore = similarity(yourArtists, theirArtists);
                    int trackScore = similarity(yourTracks, theirTracks);
                    Names names = new Names(one, catalogue.get());
                    List<SharedArtist> artists = shared(yourArtists, theirArtists).stream()
                            .map(id -> names.artist(new Item(id, 0, 0)))
                            .map(a -> new SharedArtist(a.id(), a.name(), yourArtists.get(a.id()), theirArtists.get(a.id())))
                            .toList();
                    List<SharedTrack> tracks = shared(yourTracks, theirTracks).stream()
                            .map(id -> names.track(new Item(id, 0, 0)))
                            .map(t -> new SharedTrack(t.id(), t.title(), t.artist(), yourTracks.get(t.id()),
                                    theirTracks.get(t.id())))
                            .toList();
                    return new TasteOverlap(period.parameter(), themName, (int) Math.round((artistScore + trackScore) / 2.0),
                            artistScore, trackScore, total(yourTracks), total(theirTracks), artists, tracks);
                })).subscribeOn(Schedulers.boundedElastic()));
    }

    private Slice slice(String userId, Period period, ZoneId zone) {
        LocalDate first = period.firstDay(LocalDate.now(clock.withZone(zone)));
        return new Slice(userId, period.key(), first == null ? 0 : (int) first.toEpochDay());
    }

    private static Map<String, Long> counts(DatabaseClient db, Slice slice, String kind) {
        Map<String, Object> params = new HashMap<>(slice.params());
        params.put("kind", kind);
        Map<String, Long> counts = new HashMap<>();
        db.sql("SELECT item, listens FROM listen_item " + slice.where() + " AND kind = :kind AND listens > 0")
                .bindValues(params)
                .map(row -> Map.entry(row.get("item", String.class), row.get("listens", Long.class)))
                .all().toStream().forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The share of listening two listeners have in common, 0 to 100: each item's listens become
     * its share of the listener's listens, and the score is the sum, over the items both listened
     * to, of the smaller of the two shares (the weighted Jaccard of the two distributions, also 1
     * minus their total variation distance). Same shares (whatever the number of listens) give
     * 100, nothing in common 0; it does not depend on which of the two asks.
     */
    static int similarity(Map<String, Long> yours, Map<String, Long> theirs) {
        double yourTotal = total(yours);
        double theirTotal = total(theirs);
        if (yourTotal == 0 || theirTotal == 0) {
            return 0;
        }
        double common = 0;
        for (Map.Entry<String, Long> item : yours.entrySet()) {
            Long their = theirs.get(item.getKey());
            if (their != null) {
                common += Math.min(item.getValue() / yourTotal, their / theirTotal);
            }
        }
        return (int) Math.round(100 * Math.min(1.0, common));
    }

    /**
     * The items both listened to, those that add most to the score first (the larger smaller
     * share), then by both listens together, then by id; at most {@link #EXAMPLES}.
     */
    static List<String> shared(Map<String, Long> yours, Map<String, Long> theirs) {
        double yourTotal = total(yours);
        double theirTotal = total(theirs);
        Comparator<String> byCommonShare = Comparator.comparingDouble(
                id -> Math.min(yours.get(id) / yourTotal, theirs.get(id) / theirTotal));
        return yours.keySet().stream().filter(theirs::containsKey)
                .sorted(byCommonShare.reversed()
                        .thenComparing(Comparator.comparingLong((String id) -> yours.get(id) + theirs.get(id)).reversed())
                        .thenComparing(Comparator.naturalOrder()))
                .limit(EXAMPLES).toList();
    }
}
