package dev.minstrel.subsonic.system;

import dev.minstrel.library.MusicLibrary;
import dev.minstrel.library.scan.ScanStatus;
import dev.minstrel.subsonic.model.Payloads;
import dev.minstrel.subsonic.protocol.Call;
import dev.minstrel.subsonic.protocol.Dates;
import dev.minstrel.subsonic.protocol.Reply;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.stream.Stream;

/** ping, getLicense, getOpenSubsonicExtensions, tokenInfo, getScanStatus and startScan. */
public final class SystemEndpoints {

    /** Only what Minstrel really implements: clients switch features on by this list. */
    private static final List<Payloads.OpenSubsonicExtension> ALWAYS = List.of(
            new Payloads.OpenSubsonicExtension("formPost", List.of(1)),
            new Payloads.OpenSubsonicExtension("apiKeyAuthentication", List.of(1)),
            new Payloads.OpenSubsonicExtension("songLyrics", List.of(1)),
            new Payloads.OpenSubsonicExtension("indexBasedQueue", List.of(1)),
            new Payloads.OpenSubsonicExtension("playbackReport", List.of(1)));
    /** Offered only with ffmpeg: without it every stream is the original file. */
    private static final List<Payloads.OpenSubsonicExtension> WITH_FFMPEG = List.of(
            new Payloads.OpenSubsonicExtension("transcodeOffset", List.of(1)),
            new Payloads.OpenSubsonicExtension("transcoding", List.of(1)));

    private final MusicLibrary library;
    private final List<Payloads.OpenSubsonicExtension> extensions;

    /** @param transcoding whether ffmpeg was found, so that streams can be transcoded */
    public SystemEndpoints(MusicLibrary library, boolean transcoding) {
        this.library = library;
        this.extensions = transcoding
                ? Stream.concat(ALWAYS.stream(), WITH_FFMPEG.stream()).toList() : ALWAYS;
    }

    public Mono<Reply> ping(Call call) {
        return Mono.just(Reply.EMPTY);
    }

    public Mono<Reply> getLicense(Call call) {
        return Mono.just(Reply.of("license", new Payloads.License(true, call.user().email(), null, null)));
    }

    public Mono<Reply> getOpenSubsonicExtensions(Call call) {
        return Mono.just(Reply.list("openSubsonicExtensions", extensions));
    }

    public Mono<Reply> tokenInfo(Call call) {
        return Mono.just(Reply.of("tokenInfo", new Payloads.TokenInfo(call.user().username())));
    }

    public Mono<Reply> getScanStatus(Call call) {
        return Mono.just(scanStatus(library.scanStatus(), call));
    }

    public Mono<Reply> startScan(Call call) {
        call.requireAdmin("start a scan");
        library.startScan(call.params().bool("fullScan", false));
        return Mono.just(scanStatus(library.scanStatus(), call));
    }

    /** Friends see how many files could not be read; the owner, who can fix them, which and why. */
    private static Reply scanStatus(ScanStatus status, Call call) {
        long count = status.scanning() ? status.filesSeen() : status.tracksIndexed();
        List<Payloads.UnreadableFile> unreadable = call.user().admin()
                ? status.skipped().stream().map(s -> new Payloads.UnreadableFile(s.path(), s.reason())).toList() : null;
        return Reply.of("scanStatus", new Payloads.ScanStatus(status.scanning(), count, status.folderCount(),
                Dates.iso(status.lastScan()), status.skipped().size(), unreadable));
    }
}
