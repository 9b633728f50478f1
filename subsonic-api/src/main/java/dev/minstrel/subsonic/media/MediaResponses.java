package dev.minstrel.subsonic.media;

import dev.minstrel.library.MusicLibrary;
import dev.minstrel.library.catalogue.Track;
import dev.minstrel.subsonic.protocol.Call;
import dev.minstrel.subsonic.protocol.ErrorCode;
import dev.minstrel.subsonic.protocol.Lookups;
import dev.minstrel.subsonic.protocol.SubsonicException;
import dev.minstrel.subsonic.transcode.Transcode;
import dev.minstrel.subsonic.transcode.Transcoder;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.http.ReactiveHttpOutputMessage;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Optional;

/**
 * The audio answers of {@code stream}, {@code download} and {@code getTranscodeStream}. Files (an
 * original, or a finished transcode from the cache) go out as a FileSystemResource, which gives
 * zero-copy sendfile and byte ranges; which parts of a Range are served is decided first by
 * {@link RangeRequest} (RFC 9110: If-Range, unknown units, partly satisfiable sets), and the 416
 * answer is written here because Spring's lacks {@code Content-Range: bytes *}{@code /len}.
 * A live transcode has no length yet, so it says {@code Accept-Ranges: none} and answers a Range
 * with everything (200): DSub resumes with {@code Range: bytes=N-} and restarts cleanly on a 200.
 */
final class MediaResponses {

    private final MusicLibrary library;
    private final Transcoder transcoder;

    MediaResponses(MusicLibrary library, Transcoder transcoder) {
        this.library = library;
        this.transcoder = transcoder;
    }

    /** The track's original file, with ranges; as an attachment named after the file for downloads. */
    Mono<ServerResponse> original(Call call, Track track, boolean attachment) {
        // stat on the event loop: a hop to another thread and back cost more than the stat itself
        // and kept streams from reaching nginx's throughput (bench/run.sh)
        return Mono.fromCallable(() -> fileOf(track)).flatMap(file -> file(call, file, track.id(),
                Lookups.mediaType(track.contentType()), attachment ? file.path().getFileName().toString() : null));
    }

    /**
     * The track as planned: the original when there is no transcode, else the cached output, else
     * a live transcode; the original too when every transcode stays busy past the queue wait
     * (a stream that plays beats an error that stops the player).
     *
     * @param estimate send a Content-Length guessed before the output exists, and exactly that many bytes
     */
    Mono<ServerResponse> stream(Call call, Track track, Optional<Transcode> plan, boolean estimate) {
        if (plan.isEmpty() || !transcoder.available()) {
            return original(call, track, false);
        }
        Transcode transcode = plan.get();
        MediaType type = MediaType.parseMediaType(transcode.format().contentType());
        return Mono.fromCallable(() -> fileOf(track)).flatMap(source -> {
            Optional<Path> cached = transcoder.cache().find(transcode);
            if (cached.isPresent()) {
                try {
                    long length = Files.size(cached.get());
                    return file(call, new AudioFile(cached.get(), length, source.modified()), transcode.cacheKey(), type, null);
                } catch (IOException evicted) {
                    // trimmed between the look-up and now: transcode again
                }
            }
            return transcoder.reserve().flatMap(slot -> {
                if (slot.isEmpty()) {
                    return original(call, track, false);
                }
                ServerResponse.BodyBuilder response = ServerResponse.ok().contentType(type)
                        .header(HttpHeaders.ACCEPT_RANGES, "none")
                        .header("X-Content-Duration", Integer.toString(transcode.seconds()));
                if (estimate) {
                    response.contentLength(transcode.estimatedLength());
                }
                if (HttpMethod.HEAD.equals(call.request().method())) {
                    slot.get().release();
                    return response.build();
                }
                BodyInserter<Object, ReactiveHttpOutputMessage> body = (message, context) -> {
                    var output = slot.get().run(transcode, source.path(), message.bufferFactory());
                    return message.writeWith(estimate
                            ? Transcoder.exactly(output, transcode.estimatedLength(), message.bufferFactory()) : output);
                };
                return response.body(body);
            });
        });
    }

    private Mono<ServerResponse> file(Call call, AudioFile file, String tag, MediaType type, String attachmentName) {
        long length = file.length();
        String etag = "\"" + tag + "-" + length + "-" + file.modified() + "\"";
        RangeRequest range = RangeRequest.of(call.request().headers().asHttpHeaders(), length, etag, file.modified());
        if (range.kind() == RangeRequest.Kind.UNSATISFIABLE) {
            return ServerResponse.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                    .header(HttpHeaders.CONTENT_RANGE, "bytes */" + length)
                    .header(HttpHeaders.ACCEPT_RANGES, "bytes").build();
        }
        ServerResponse.BodyBuilder response = ServerResponse.ok()
                .contentType(type)
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .lastModified(Instant.ofEpochMilli(file.modified()))
                .eTag(etag);
        if (attachmentName != null) {
            response.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename(attachmentName, StandardCharsets.UTF_8).build().toString());
        }
        return response.bodyValue(new FileSystemResource(file.path()))
                .map(full -> new WithRange(full, range.kind() == RangeRequest.Kind.PARTS ? range.header() : null));
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
}
