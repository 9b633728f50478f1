package dev.minstrel.subsonic.media;

import dev.minstrel.library.MusicLibrary;
import dev.minstrel.library.catalogue.TextFold;
import dev.minstrel.library.catalogue.Track;
import dev.minstrel.library.lyrics.Lyrics;
import dev.minstrel.subsonic.model.Payloads;
import dev.minstrel.subsonic.protocol.Call;
import dev.minstrel.subsonic.protocol.Lookups;
import dev.minstrel.subsonic.protocol.Reply;
import dev.minstrel.subsonic.protocol.SubsonicException;
import dev.minstrel.subsonic.transcode.TranscodePolicy;
import dev.minstrel.subsonic.transcode.TranscodeProfiles;
import dev.minstrel.subsonic.transcode.Transcoder;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;

/**
 * stream, download, getLyrics and getLyricsBySongId (getCoverArt: {@code cover.CoverArtEndpoints}).
 * What {@code stream} sends is decided by the {@link TranscodePolicy}, and written by
 * {@link MediaResponses}; {@code download} always sends the original file.
 */
public final class MediaEndpoints {

    private final MusicLibrary library;
    private final TranscodePolicy policy;
    private final TranscodeProfiles profiles;
    private final MediaResponses responses;

    public MediaEndpoints(MusicLibrary library, TranscodePolicy policy, TranscodeProfiles profiles, Transcoder transcoder) {
        this.library = library;
        this.policy = policy;
        this.profiles = profiles;
        this.responses = new MediaResponses(library, transcoder);
    }

    /**
     * The track as the client asked: {@code format} ({@code mp3}, {@code opus}, {@code aac} or
     * {@code raw}), {@code maxBitRate} in kbit/s (0: none), {@code timeOffset} in seconds (a transcode
     * starts there; an original is sent whole, seeking in it is what ranges are for), and
     * {@code estimateContentLength} (a transcode announces a length and sends exactly that). The
     * owner's profile for this user and app fills in a format the request does not name and lowers
     * its bit rate limit.
     */
    public Mono<ServerResponse> stream(Call call) {
        Track track = Lookups.track(library.catalogue(), call.params().required("id"));
        int maxBitRate = call.params().count("maxBitRate", 0, Integer.MAX_VALUE);
        int offset = call.params().count("timeOffset", 0, Integer.MAX_VALUE);
        String format = call.params().string("format").orElse(null);
        boolean estimate = call.params().bool("estimateContentLength", false);
        return profiles.forCall(call.user().id(), call.client()).flatMap(profile -> {
            var plan = policy.plan(track, profile.map(p -> p.formatFor(format)).orElse(format),
                    profile.map(p -> p.bitRateFor(maxBitRate)).orElse(maxBitRate), offset);
            return responses.stream(call, track, plan, estimate);
        });
    }

    public Mono<ServerResponse> download(Call call) {
        if (!call.user().download()) {
            throw SubsonicException.notAuthorised("This account may not download");
        }
        Track track = Lookups.track(library.catalogue(), call.params().required("id"));
        return responses.original(call, track, true);
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
