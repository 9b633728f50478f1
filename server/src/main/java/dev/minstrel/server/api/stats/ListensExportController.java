package dev.minstrel.server.api.stats;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.minstrel.analytics.Analytics;
import dev.minstrel.analytics.history.ExportedListen;
import dev.minstrel.analytics.history.ListenExport;
import dev.minstrel.server.api.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

import java.util.List;

/**
 * The caller's listens, taken away in ListenBrainz's format: a JSON array of listens as
 * ListenBrainz exports them and accepts them in {@code /1/submit-listens}, oldest first, streamed.
 */
@RestController
@RequestMapping("/api/me/listens")
public class ListensExportController {

    private final ListenExport export;

    public ListensExportController(Analytics analytics) {
        this.export = analytics.export();
    }

    /** One listen: {@code listened_at} in seconds since the epoch. */
    public record ListenBrainzListen(@JsonProperty("listened_at") long listenedAt,
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

    @GetMapping(value = "/export", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Flux<ListenBrainzListen>> export(Caller caller) {
        String file = "listens-" + caller.account().username().replaceAll("[^A-Za-z0-9._-]", "_") + ".json";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .body(export.of(caller.account().id()).map(ListensExportController::listenBrainz));
    }

    static ListenBrainzListen listenBrainz(ExportedListen listen) {
        return new ListenBrainzListen(listen.startedAt().getEpochSecond(), new TrackMetadata(
                listen.artist() != null ? listen.artist() : "", listen.title() != null ? listen.title() : listen.trackId(),
                listen.album(), new AdditionalInfo(
                        listen.durationSeconds() > 0 ? listen.durationSeconds() * 1000L : null, blankToNull(listen.recordingMbid()),
                        blankToNull(listen.releaseMbid()),
                        blankToNull(listen.artistMbid()) == null ? null : List.of(listen.artistMbid()),
                        listen.client(), "Minstrel")));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
