package dev.minstrel.subsonic.cover;

import dev.minstrel.analytics.playlists.MadePlaylists;
import dev.minstrel.library.MusicLibrary;
import dev.minstrel.library.catalogue.Ids;
import dev.minstrel.library.cover.CoverArt;
import dev.minstrel.subsonic.protocol.Call;
import dev.minstrel.subsonic.protocol.Lookups;
import dev.minstrel.subsonic.protocol.SubsonicException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.CacheControl;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;

/**
 * getCoverArt, for the catalogue's ids (tr-, al-, ar-, fo-; with or without the version the
 * catalogue adds, see {@link Ids#coverArtId}) and for playlists ({@code pl-}: the art of the
 * playlist's first song that has some, if the caller may see the playlist; also for the playlists
 * made from listening, {@code mp-}). Besides signed-in
 * users it answers URLs signed by {@link CoverArtUrls}, which carry no credentials; those never
 * name a playlist. Images are scaled and cached once per size by the library, so a signed URL
 * costs a file read after its first use.
 */
public final class CoverArtEndpoints {

    private static final String PLAYLIST = "pl-";

    private final MusicLibrary library;
    private final PlaylistCovers playlists;

    public CoverArtEndpoints(MusicLibrary library, PlaylistCovers playlists) {
        this.library = library;
        this.playlists = playlists;
    }

    private record SizedArt(CoverArt art, long length) {
    }

    public Mono<ServerResponse> getCoverArt(Call call) {
        String id = call.params().required("id");
        Integer size = call.params().integer("size").filter(s -> s > 0).orElse(null);
        boolean playlist = id.startsWith(PLAYLIST) || MadePlaylists.isMade(id);
        Mono<String> artId = playlist ? playlistArt(call, id) : Mono.just(id);
        return artId.switchIfEmpty(Mono.error(() -> SubsonicException.notFound("Cover art")))
                .flatMap(art -> Mono.fromCallable(() -> {
                            CoverArt found = library.coverArt(art, size)
                                    .orElseThrow(() -> SubsonicException.notFound("Cover art"));
                            return new SizedArt(found, Files.size(found.file()));
                        })
                        .subscribeOn(Schedulers.boundedElastic())
                        .onErrorMap(IOException.class, gone -> SubsonicException.notFound("Cover art"))
                        .flatMap(found -> respond(call, Ids.withoutVersion(art), size, found, playlist)));
    }

    /**
     * The art of a playlist the caller may see. A client may also build the id as "pl-" and the
     * playlist's id, which starts with "pl-" already.
     */
    private Mono<String> playlistArt(Call call, String id) {
        if (call.user() == null) {
            return Mono.empty();
        }
        String playlistId = Ids.withoutVersion(id);
        if (playlistId.startsWith(PLAYLIST + PLAYLIST)) {
            playlistId = playlistId.substring(PLAYLIST.length());
        }
        return playlists.coverArtId(call.user(), playlistId);
    }

    private static Mono<ServerResponse> respond(Call call, String artId, Integer size, SizedArt found, boolean playlist) {
        CoverArt art = found.art();
        // the art's own time, not the cached file's, which the thumbnail cache touches on every use
        Instant modified = Instant.ofEpochMilli(art.modified());
        String eTag = "\"" + Integer.toHexString((artId + "/" + size).hashCode()) + "-" + found.length() + "-"
                + art.modified() + "\"";
        // a playlist's art changes with its songs, under the same id: revalidate it every time
        CacheControl cache = playlist ? CacheControl.noCache() : CacheControl.maxAge(Duration.ofDays(1));
        return call.request().checkNotModified(modified, eTag).switchIfEmpty(Mono.defer(() -> ServerResponse.ok()
                .contentType(Lookups.mediaType(art.contentType()))
                .eTag(eTag).lastModified(modified)
                .cacheControl(cache)
                .bodyValue(new FileSystemResource(art.file()))));
    }
}
