package dev.minstrel.subsonic.media;

import dev.minstrel.library.MusicLibrary;
import dev.minstrel.library.catalogue.TextFold;
import dev.minstrel.library.catalogue.Track;
import dev.minstrel.library.lyrics.Lyrics;
import dev.minstrel.subsonic.model.Payloads;
import dev.minstrel.subsonic.protocol.Call;
import dev.minstrel.subsonic.protocol.ErrorCode;
import dev.minstrel.subsonic.protocol.Lookups;
import dev.minstrel.subsonic.protocol.Reply;
import dev.minstrel.subsonic.protocol.SubsonicException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseCookie;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;

/**
 * stream, download, getLyrics and getLyricsBySongId (getCoverArt: {@code cover.CoverArtEndpoints}). Files go out as a
 * FileSystemResource, which gives zero-copy sendfile and byte ranges; which parts of a Range are
 * served is decided first by {@link RangeRequest} (RFC 9110: If-Range, unknown units, partly
 * satisfiable sets), and the 416 answer is written here because Spring's lacks
 * {@code Content-Range: bytes *}{@code /len}.
 * There is no transcoding: {@code format}, {@code maxBitRate} and {@code timeOffset} are accepted
 * and ignored, the original file is always served (as for {@code format=raw}).
 */
public final class MediaEndpoints {

    private final MusicLibrary library;

    public MediaEndpoints(MusicLibrary library) {
        this.library = library;
    }

    public Mono<ServerResponse> stream(Call call) {
        return serve(call, false);
    }

    public Mono<ServerResponse> download(Call call) {
        if (!call.user().download()) {
            throw SubsonicException.notAuthorised("This account may not download");
        }
        return serve(call, true);
    }

    private Mono<ServerResponse> serve(Call call, boolean attachment) {
        Track track = Lookups.track(library.catalogue(), call.params().required("id"));
        // stat on the event loop: a hop to another thread and back cost more than the stat itself
        // and kept streams from reaching nginx's throughput (bench/run.sh)
        return Mono.fromCallable(() -> fileOf(track)).flatMap(file -> {
            long length = file.length();
            String etag = "\"" + track.id() + "-" + length + "-" + file.modified() + "\"";
            RangeRequest range = RangeRequest.of(call.request().headers().asHttpHeaders(), length, etag, file.modified());
            if (range.kind() == RangeRequest.Kind.UNSATISFIABLE) {
                return ServerResponse.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                        .header(HttpHeaders.CONTENT_RANGE, "bytes */" + length)
                        .header(HttpHeaders.ACCEPT_RANGES, "bytes").build();
            }
            ServerResponse.BodyBuilder response = ServerResponse.ok()
                    .contentType(Lookups.mediaType(track.contentType()))
                    .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                    .lastModified(Instant.ofEpochMilli(file.modified()))
                    .eTag(etag);
            if (attachment) {
                response.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.path().getFileName().toString(), StandardCharsets.UTF_8).build().toString());
            }
            return response.bodyValue(new FileSystemResource(file.path()))
                    .map(full -> new WithRange(full, range.kind() == RangeRequest.Kind.PARTS ? range.header() : null));
        });
    }

    /**
     * Writes a file response as if the request's Range were {@code range} (none when null): Spring's
     * resource writer reads the header itself, and must see only what {@link RangeRequest} kept.
     */
    private record WithRange(ServerResponse response, String range) implements ServerResponse {

        @Override
        public HttpStatusCode statusCode() {
            return response.statusCode();
        }

        @Override
        public HttpHeaders headers() {
            return response.headers();
        }

        @Override
        public MultiValueMap<String, ResponseCookie> cookies() {
            return response.cookies();
        }

        @Override
        public Mono<Void> writeTo(ServerWebExchange exchange, Context context) {
            return response.writeTo(exchange.mutate().request(request -> request.headers(headers -> {
                if (range == null) {
                    headers.remove(HttpHeaders.RANGE);
                } else {
                    headers.set(HttpHeaders.RANGE, range);
                }
            })).build(), context);
        }
    }

    private record AudioFile(Path path, long length, long modified) {
    }

    /**
     * The track's file, checked readable before anything is answered: once the status and
     * Content-Length are sent, a file that cannot be opened can only cut the stream short, which
     * players take for a network error and retry forever.
     */
    private AudioFile fileOf(Track track) {
        Path path = library.file(track).orElseThrow(() -> SubsonicException.notFound("Audio file"));
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException gone) {
            throw SubsonicException.notFound("Audio file");
        }
        try (FileChannel readable = FileChannel.open(path, StandardOpenOption.READ)) {
            if (!attributes.isRegularFile()) {
                throw new IOException("not a regular file");
            }
        } catch (IOException unreadable) {
            throw new SubsonicException(ErrorCode.GENERIC, "The audio file of this song cannot be read on the server "
                    + "(the owner's next library scan will list it)");
        }
        return new AudioFile(path, attributes.size(), attributes.lastModifiedTime().toMillis());
    }

    /** Plain lyrics by artist and title; an empty {@code lyrics} element when none are found. */
    public Mono<Reply> getLyrics(Call call) {
        String artist = call.params().string("artist").map(TextFold::fold).orElse(null);
        String title = call.params().string("title").map(TextFold::fold).orElse(null);
        if (title == null || title.isBlank()) {
            return Mono.just(Reply.of("lyrics", new Payloads.Lyrics(null, null, null)));
        }
        List<Track> candidates = library.catalogue().tracks().stream()
                .filter(t -> TextFold.fold(t.title()).equals(title)
                        && (artist == null || artist.isBlank() || TextFold.fold(t.artist()).equals(artist)))
                .toList();
        return Mono.fromCallable(() -> candidates.stream()
                        .map(t -> library.lyrics(t).orElse(null)).filter(l -> l != null).findFirst()
                        .map(l -> new Payloads.Lyrics(l.artist(), l.title(), l.text()))
                        .orElse(new Payloads.Lyrics(null, null, null)))
                .subscribeOn(Schedulers.boundedElastic())
                .map(found -> Reply.of("lyrics", found));
    }

    public Mono<Reply> getLyricsBySongId(Call call) {
        Track track = Lookups.track(library.catalogue(), call.params().required("id"));
        return Mono.fromCallable(() -> library.lyrics(track))
                .subscribeOn(Schedulers.boundedElastic())
                .map(found -> Reply.of("lyricsList", new Payloads.LyricsList(found.map(l -> List.of(structured(track, l)))
                        .orElse(null))));
    }

    private static Payloads.StructuredLyrics structured(Track track, Lyrics lyrics) {
        List<Payloads.Line> lines = lyrics.lines().stream()
                .map(line -> new Payloads.Line(lyrics.synced() ? line.startMillis() : null, line.text())).toList();
        return new Payloads.StructuredLyrics(track.artist(), track.title(),
                lyrics.lang() == null || lyrics.lang().isBlank() ? "xxx" : lyrics.lang(), 0, lyrics.synced(), lines);
    }
}
