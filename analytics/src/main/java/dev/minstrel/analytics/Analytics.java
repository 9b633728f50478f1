package dev.minstrel.analytics;

import dev.minstrel.analytics.card.RecapCards;
import dev.minstrel.analytics.history.ListenExport;
import dev.minstrel.analytics.history.PlayHistory;
import dev.minstrel.analytics.listen.ListenRecorder;
import dev.minstrel.analytics.listen.ListenRules;
import dev.minstrel.analytics.listen.ListenStore;
import dev.minstrel.analytics.listen.ListenerProfiles;
import dev.minstrel.analytics.listen.NowPlayingBoard;
import dev.minstrel.analytics.playlists.MadePlaylists;
import dev.minstrel.analytics.sharing.ListenerSettingsStore;
import dev.minstrel.analytics.stats.CircleStats;
import dev.minstrel.analytics.stats.ListeningStats;
import dev.minstrel.analytics.stats.TasteOverlaps;
import dev.minstrel.library.catalogue.Catalogue;
import org.springframework.r2dbc.core.DatabaseClient;

import java.time.Clock;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * The analytics module wired together over one database: what the server builds once and hands
 * out (the recorder and history to the Subsonic API, the stats and profiles to the server's
 * {@code /api/stats} endpoints, the made playlists to both).
 */
public record Analytics(ListenStore store, ListenerProfiles profiles, NowPlayingBoard nowPlaying,
                        ListenRecorder recorder, PlayHistory history, ListeningStats stats,
                        ListenerSettingsStore settings, MadePlaylists playlists, CircleStats circle,
                        ListenExport export, TasteOverlaps overlaps, RecapCards recapCards) {

    /**
     * @param catalogue  the current library snapshot ({@code musicLibrary::catalogue})
     * @param serverZone the time zone of listeners who have not set their own
     */
    public static Analytics create(DatabaseClient db, Supplier<Catalogue> catalogue, ZoneId serverZone,
                                   ListenRules rules, Clock clock) {
        ListenStore store = new ListenStore(db);
        ListenerProfiles profiles = new ListenerProfiles(db, store, serverZone);
        NowPlayingBoard board = new NowPlayingBoard(rules, clock);
        ListenRecorder recorder = new ListenRecorder(store, profiles, board, catalogue, rules);
        ListeningStats stats = new ListeningStats(db, profiles, catalogue, clock);
        ListenerSettingsStore settings = new ListenerSettingsStore(db);
        MadePlaylists playlists = new MadePlaylists(db, stats, settings, catalogue, clock);
        recorder.onCounted(playlists::listened);
        PlayHistory history = new PlayHistory(db, board, catalogue, clock);
        return new Analytics(store, profiles, board, recorder, history, stats, settings, playlists,
                new CircleStats(db, stats, settings, history, catalogue, serverZone, clock),
                new ListenExport(db, catalogue), new TasteOverlaps(db, profiles, catalogue, clock), new RecapCards(stats));
    }
}
