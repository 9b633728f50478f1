package dev.minstrel.subsonic.playlist;

import dev.minstrel.analytics.playlists.MadePlaylist;
import dev.minstrel.analytics.playlists.MadePlaylists;
import dev.minstrel.library.catalogue.Catalogue;
import dev.minstrel.library.catalogue.Track;
import dev.minstrel.subsonic.auth.SubsonicAccounts;
import dev.minstrel.subsonic.auth.SubsonicUser;
import dev.minstrel.subsonic.model.Child;
import dev.minstrel.subsonic.model.Payloads;
import dev.minstrel.subsonic.model.PayloadsPlaylistBuilder;
import dev.minstrel.subsonic.protocol.Call;
import dev.minstrel.subsonic.protocol.Dates;
import dev.minstrel.subsonic.protocol.Lookups;
import dev.minstrel.subsonic.protocol.Reply;
import dev.minstrel.subsonic.protocol.SubsonicException;
import dev.minstrel.subsonic.view.ItemViews;
import dev.minstrel.subsonic.view.ViewSource;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Playlists. Only the owner changes or deletes a playlist; public ones are visible to everyone; the
 * admin may list anyone's with {@code getPlaylists?username=}. A playlist another user may not see
 * answers 70, as if it did not exist.
 *
 * <p>Beside them, each user sees the playlists the server makes from listening ({@link MadePlaylists},
 * ids {@code mp-...}, never those of stored playlists, which begin {@code pl-}): read-only, marked
 * {@code readonly} with a {@code validUntil} for OpenSubsonic clients; changing or deleting one is
 * error 50. A stored playlist that mirrors a watched Spotify or YouTube playlist is read-only the
 * same way (flag and error 50) while the watch lasts: it follows its source.
 */
public final class PlaylistEndpoints {

    /** The owner shown for the circle's made playlists, which belong to nobody. */
    static final String SERVER_OWNER = "Minstrel";
    /** The lengths of the name and comment columns. */
    private static final int MAX_NAME = 1000;
    private static final int MAX_COMMENT = 4000;

    private final PlaylistStore store;
    private final MadePlaylists made;
    private final SubsonicAccounts accounts;
    private final ViewSource views;
    private final Clock clock;

    public PlaylistEndpoints(PlaylistStore store, MadePlaylists made, SubsonicAccounts accounts, ViewSource views,
                             Clock clock) {
        this.store = store;
        this.made = made;
        this.accounts = accounts;
        this.views = views;
        this.clock = clock;
    }

    public Mono<Reply> getPlaylist(Call call) {
        String id = call.params().required("id");
        if (MadePlaylists.isMade(id)) {
            return made.find(call.user().id(), id)
                    .switchIfEmpty(Mono.error(() -> SubsonicException.notFound("Playlist")))
                    .zipWith(views.views(call))
                    .map(t -> Reply.of("playlist", summary(t.getT1(), call.user(), t.getT2(),
                            t.getT2().songs(tracks(t.getT1(), t.getT2().catalogue())))));
        }
        return visible(call, id).flatMap(playlist -> reply(call, playlist));
    }

    public Mono<Reply> deletePlaylist(Call call) {
        return owned(call, call.params().required("id")).flatMap(playlist -> store.delete(playlist.id()))
                .thenReturn(Reply.EMPTY);
    }

    public Mono<Reply> getPlaylists(Call call) {
        SubsonicUser me = call.user();
        String username = call.params().string("username").filter(u -> !u.isBlank()).orElse(null);
        if (username != null && !username.equalsIgnoreCase(me.username()) && !me.admin()) {
            throw SubsonicException.notAuthorised("Only the owner may list another user's playlists");
        }
        // someone else's list is theirs alone: the playlists made from their listening are not in it
        Mono<List<MadePlaylist>> madeForMe = username == null || username.equalsIgnoreCase(me.username())
                ? made.visibleTo(me.id()) : Mono.just(List.of());
        return Mono.zip(store.all(), owners(), views.views(call), madeForMe).map(t -> {
            Map<String, String> owners = t.getT2();
            List<Payloads.Playlist> listed = new ArrayList<>();
            t.getT1().stream()
                    .filter(p -> username != null ? username.equalsIgnoreCase(owners.get(p.ownerId()))
                            : p.ownerId().equals(me.id()) || p.isPublic())
                    .forEach(p -> listed.add(summary(p, owners, t.getT3(), null)));
            t.getT4().forEach(p -> listed.add(summary(p, me, t.getT3(), null)));
            return Reply.of("playlists", new Payloads.Playlists(listed));
        });
    }

    public Mono<Reply> createPlaylist(Call call) {
        List<String> songs = trackIds(call.params().all("songId"));
        long now = clock.millis();
        var playlistId = call.params().string("playlistId").filter(id -> !id.isBlank());
        Mono<String> saved;
        if (playlistId.isPresent()) {
            String name = name(call).filter(n -> !n.isBlank()).orElse(null);
            saved = owned(call, playlistId.get())
                    .flatMap(p -> store.update(p.id(), name, null, null, songs, now).thenReturn(p.id()));
        } else {
            saved = store.create(call.user().id(), name(call).filter(n -> !n.isBlank())
                    .orElseThrow(() -> SubsonicException.missing("name")), songs, now);
        }
        return saved.flatMap(store::byId).flatMap(p -> reply(call, p));
    }

    public Mono<Reply> updatePlaylist(Call call) {
        String id = call.params().required("playlistId");
        List<String> added = trackIds(call.params().all("songIdToAdd"));
        Set<Integer> removed = new HashSet<>(call.params().integers("songIndexToRemove"));
        String name = name(call).filter(n -> !n.isBlank()).orElse(null);
        String comment = call.params().text("comment", MAX_COMMENT).orElse(null);
        Boolean isPublic = call.params().bool("public").orElse(null);
        UnaryOperator<List<String>> songs = added.isEmpty() && removed.isEmpty() ? current -> null : current -> {
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < current.size(); i++) {
                if (!removed.contains(i)) {
                    kept.add(current.get(i));
                }
            }
            kept.addAll(added);
            return kept;
        };
        return owned(call, id).flatMap(p -> store.edit(id, name, comment, isPublic, songs, clock.millis()))
                .thenReturn(Reply.EMPTY);
    }

    /** Songs of this library only: an unknown id is error 70, as everywhere in the protocol. */
    private List<String> trackIds(List<String> ids) {
        Catalogue catalogue = views.catalogue();
        ids.forEach(id -> {
            if (id.isBlank()) {
                throw SubsonicException.missing("songId");
            }
            Lookups.track(catalogue, id);
        });
        return ids;
    }

    private static Optional<String> name(Call call) {
        return call.params().text("name", MAX_NAME);
    }

    private Mono<PlaylistStore.Playlist> visible(Call call, String id) {
        return store.byId(id)
                .filter(p -> p.visibleTo(call.user()))
                .switchIfEmpty(Mono.error(() -> SubsonicException.notFound("Playlist")));
    }

    private Mono<PlaylistStore.Playlist> owned(Call call, String id) {
        if (MadePlaylists.isMade(id)) {
            throw SubsonicException.notAuthorised("Playlist '" + id + "' is made by the server from listening and "
                    + "cannot be changed or deleted; it can be turned off in Minstrel's settings");
        }
        return visible(call, id).doOnNext(p -> {
            if (p.readonly()) {
                throw SubsonicException.notAuthorised("Playlist '" + id + "' mirrors " + p.mirrors() + " and follows "
                        + "it; to change it, stop watching that playlist in Minstrel and keep this one");
            }
            if (!p.ownerId().equals(call.user().id())) {
                throw SubsonicException.notAuthorised("Only the playlist's owner may change it");
            }
        });
    }

    private Mono<Map<String, String>> owners() {
        return accounts.all().collectMap(SubsonicUser::id, SubsonicUser::username);
    }

    private Mono<Reply> reply(Call call, PlaylistStore.Playlist playlist) {
        return Mono.zip(owners(), views.views(call)).map(t -> {
            Catalogue catalogue = t.getT2().catalogue();
            return Reply.of("playlist", summary(playlist, t.getT1(), t.getT2(),
                    t.getT2().songs(playlist.tracks(catalogue))));
        });
    }

    /** A made playlist's songs still in the library, in order. */
    static List<Track> tracks(MadePlaylist playlist, Catalogue catalogue) {
        return playlist.trackIds().stream().flatMap(id -> catalogue.track(id).stream()).toList();
    }

    /**
     * A made playlist: the caller's own (the circle's belong to nobody, shown as Minstrel's),
     * read-only, and, for OpenSubsonic clients, worth asking for again after a minute.
     */
    private Payloads.Playlist summary(MadePlaylist p, SubsonicUser me, ItemViews views, List<Child> entries) {
        List<Track> tracks = tracks(p, views.catalogue());
        boolean openSubsonic = views.openSubsonic();
        return PayloadsPlaylistBuilder.builder().id(p.id()).name(p.name()).comment(p.comment())
                .owner(p.circle() ? SERVER_OWNER : me.username()).isPublic(p.circle()).songCount(tracks.size())
                .duration(tracks.stream().mapToInt(Track::durationSeconds).sum())
                .created(Dates.iso(p.created())).changed(Dates.iso(p.changed())).coverArt(PlaylistCoverArt.of(tracks))
                .readonly(openSubsonic ? Boolean.TRUE : null)
                .validUntil(openSubsonic ? Dates.iso(clock.instant().plus(MadePlaylists.FRESH_FOR)) : null)
                .entry(entries).build();
    }

    /** Songs since removed from the library are left out of the counts and the entries. */
    private static Payloads.Playlist summary(PlaylistStore.Playlist p, Map<String, String> owners, ItemViews views,
                                             List<Child> entries) {
        Catalogue catalogue = views.catalogue();
        List<Track> tracks = p.tracks(catalogue);
        int duration = tracks.stream().mapToInt(Track::durationSeconds).sum();
        String coverArt = PlaylistCoverArt.of(tracks);
        return PayloadsPlaylistBuilder.builder().id(p.id()).name(p.name()).comment(p.comment())
                .owner(owners.getOrDefault(p.ownerId(), p.ownerId())).isPublic(p.isPublic()).songCount(tracks.size())
                .duration(duration).created(Dates.iso(p.created())).changed(Dates.iso(p.changed())).coverArt(coverArt)
                .readonly(p.readonly() && views.openSubsonic() ? Boolean.TRUE : null)
                .entry(entries).build();
    }
}
