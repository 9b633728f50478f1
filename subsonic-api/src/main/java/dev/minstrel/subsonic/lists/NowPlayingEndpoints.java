package dev.minstrel.subsonic.lists;

import dev.minstrel.analytics.history.NowPlayingEntry;
import dev.minstrel.analytics.history.PlayHistory;
import dev.minstrel.subsonic.auth.SubsonicAccounts;
import dev.minstrel.subsonic.auth.SubsonicUser;
import dev.minstrel.subsonic.model.Child;
import dev.minstrel.subsonic.model.Payloads;
import dev.minstrel.subsonic.protocol.Call;
import dev.minstrel.subsonic.protocol.Reply;
import dev.minstrel.subsonic.view.ItemViews;
import dev.minstrel.subsonic.view.ViewSource;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * getNowPlaying, which the protocol files with the album and song lists: what everyone's players
 * reported last, as the analytics module keeps it from scrobbles ({@code submission=false}) and
 * playback reports (which also give the state, position and rate).
 */
public final class NowPlayingEndpoints {

    private final ViewSource views;
    private final PlayHistory history;
    private final SubsonicAccounts accounts;
    /** getNowPlaying's playerId: a small number that stays the same per user and client while the server runs */
    private final Map<String, Integer> playerIds = new ConcurrentHashMap<>();
    private final AtomicInteger lastPlayerId = new AtomicInteger();

    public NowPlayingEndpoints(ViewSource views, PlayHistory history, SubsonicAccounts accounts) {
        this.views = views;
        this.history = history;
        this.accounts = accounts;
    }

    /** Everyone's players, newest first; {@code minutesAgo} counts from when the track began. */
    public Mono<Reply> getNowPlaying(Call call) {
        return accounts.all().collectMap(SubsonicUser::id, SubsonicUser::username)
                .zipWith(views.views(call))
                .map(t -> {
                    Map<String, String> usernames = t.getT1();
                    ItemViews v = t.getT2();
                    List<Child> entries = new ArrayList<>();
                    for (NowPlayingEntry entry : history.nowPlaying()) {
                        String username = usernames.get(entry.userId());
                        v.catalogue().track(entry.trackId()).filter(track -> username != null).ifPresent(track ->
                                entries.add(v.song(track).playing(username, entry.minutesAgo(),
                                        playerId(entry), entry.client(), v.openSubsonic() ? entry.state() : null,
                                        v.openSubsonic() ? entry.positionMs() : null,
                                        v.openSubsonic() ? entry.playbackRate() : null)));
                    }
                    return Reply.of("nowPlaying", new Payloads.NowPlaying(entries));
                });
    }

    private int playerId(NowPlayingEntry entry) {
        return playerIds.computeIfAbsent(entry.userId() + '\u0000' + entry.client(), key -> lastPlayerId.incrementAndGet());
    }
}
