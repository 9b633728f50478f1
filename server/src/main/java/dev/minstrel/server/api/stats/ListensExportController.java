package dev.minstrel.server.api.stats;

import dev.minstrel.analytics.Analytics;
import dev.minstrel.analytics.history.ListenExport;
import dev.minstrel.server.api.ApiException;
import dev.minstrel.server.api.Caller;
import dev.minstrel.server.listenbrainz.ListenBrainzFormat;
import dev.minstrel.server.listenbrainz.ListenBrainzFormat.ListenBrainzListen;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

import java.nio.charset.StandardCharsets;

/**
 * The caller's listens, taken away: by default a JSON array of listens as ListenBrainz exports
 * them and accepts them in {@code /1/submit-listens}; with {@code format=csv} the same fields as
 * RFC 4180 CSV with a header row. Oldest first, streamed.
 */
@RestController
@RequestMapping("/api/me/listens")
public class ListensExportController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ListenExport export;

    public ListensExportController(Analytics analytics) {
        this.export = analytics.export();
    }

    @GetMapping("/export")
    public ResponseEntity<Flux<ListenBrainzListen>> export(Caller caller,
                                                           @RequestParam(defaultValue = "json") String format) {
        if (!format.equals("json")) {
            throw ApiException.badRequest("format must be json or csv, not '" + format + "'.");
        }
        return download(caller, ".json", MediaType.APPLICATION_JSON)
                .body(export.of(caller.account().id()).map(ListenBrainzFormat::listen));
    }

    @GetMapping(value = "/export", params = "format=csv")
    public ResponseEntity<Flux<String>> exportCsv(Caller caller) {
        return download(caller, ".csv", CSV).body(Flux.concat(Flux.just(ListenBrainzFormat.CSV_HEADER),
                export.of(caller.account().id()).map(ListenBrainzFormat::csvRow)));
    }

    private static ResponseEntity.BodyBuilder download(Caller caller, String extension, MediaType type) {
        String file = "listens-" + caller.account().username().replaceAll("[^A-Za-z0-9._-]", "_") + extension;
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .contentType(type);
    }
}
