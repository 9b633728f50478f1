package dev.minstrel.server.listenbrainz;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.minstrel.analytics.history.ExportedListen;

import java.util.List;

/**
 * ListenBrainz's listen format (what its exports hold and {@code /1/submit-listens} takes), as
 * Minstrel writes it for an export and for forwarding.
 */
public final class ListenBrainzFormat {

    private ListenBrainzFormat() {
    }

    /** One listen: {@code listened_at} in seconds since the epoch, left out for a now-playing report. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ListenBrainzListen(@JsonProperty("listened_at") Long listenedAt,
                                     @JsonProperty("track_metadata") TrackMetadata trackMetadata) {
    }

    public record TrackMetadata(@JsonProperty("artist_name") String artistName,
                                @JsonProperty("track_name") String trackName,
                                @JsonProperty("release_name") @JsonInclude(JsonInclude.Include.NON_NULL) String releaseName,
                                @JsonProperty("additional_info") AdditionalInfo additionalInfo) {
    }

    /** The fields ListenBrainz knows that Minstrel has; those it does not have are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AdditionalInfo(@JsonProperty("duration_ms") Long durationMs,
                                 @JsonProperty("recording_mbid") String recordingMbid,
                                 @JsonProperty("release_mbid") String releaseMbid,
                                 @JsonProperty("artist_mbids") List<String> artistMbids,
                                 @JsonProperty("media_player") String mediaPlayer,
                                 @JsonProperty("submission_client") String submissionClient) {
    }

    /** A submission to {@code /1/submit-listens}. */
    public record Submission(@JsonProperty("listen_type") String listenType,
                             @JsonProperty("payload") List<ListenBrainzListen> payload) {
    }

    public static ListenBrainzListen listen(ExportedListen listen) {
        return new ListenBrainzListen(listen.startedAt().getEpochSecond(), metadata(listen));
    }

    public static ListenBrainzListen playingNow(ExportedListen listen) {
        return new ListenBrainzListen(null, metadata(listen));
    }

    private static TrackMetadata metadata(ExportedListen listen) {
        return new TrackMetadata(
                listen.artist() != null ? listen.artist() : "", listen.title() != null ? listen.title() : listen.trackId(),
                listen.album(), new AdditionalInfo(
                        listen.durationSeconds() > 0 ? listen.durationSeconds() * 1000L : null, blankToNull(listen.recordingMbid()),
                        blankToNull(listen.releaseMbid()),
                        blankToNull(listen.artistMbid()) == null ? null : List.of(listen.artistMbid()),
                        listen.client(), "Minstrel"));
    }

    /** The CSV export's header: the JSON export's fields, flattened. */
    public static final String CSV_HEADER = "listened_at,artist_name,track_name,release_name,duration_ms,"
            + "recording_mbid,release_mbid,artist_mbids,media_player,submission_client\r\n";

    /** One listen as an RFC 4180 record (CRLF-terminated; fields quoted when they need it). */
    public static String csvRow(ExportedListen exported) {
        ListenBrainzListen listen = listen(exported);
        TrackMetadata track = listen.trackMetadata();
        AdditionalInfo info = track.additionalInfo();
        return String.join(",", List.of(Long.toString(listen.listenedAt()), csv(track.artistName()),
                csv(track.trackName()), csv(track.releaseName()),
                info.durationMs() == null ? "" : Long.toString(info.durationMs()), csv(info.recordingMbid()),
                csv(info.releaseMbid()), csv(info.artistMbids() == null ? null : String.join(";", info.artistMbids())),
                csv(info.mediaPlayer()), csv(info.submissionClient()))) + "\r\n";
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
