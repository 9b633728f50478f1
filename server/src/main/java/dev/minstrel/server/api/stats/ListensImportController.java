package dev.minstrel.server.api.stats;

import dev.minstrel.analytics.imports.ImportReport;
import dev.minstrel.analytics.imports.ListenImporter;
import dev.minstrel.analytics.imports.MalformedListenFile;
import dev.minstrel.server.api.ApiException;
import dev.minstrel.server.api.Caller;
import dev.minstrel.subsonic.SubsonicApi;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The caller's listens brought from a ListenBrainz or Last.fm export file, sent as the request
 * body (any content type). The body is streamed to a temporary file, never held in memory, and
 * refused past the size limit; the answer comes once the listens are stored.
 */
@RestController
@RequestMapping("/api/me/listens")
public class ListensImportController {

    private final ListenImporter importer;
    private final SubsonicApi subsonic;
    private final long maxBytes;

    public ListensImportController(ListenImporter importer, SubsonicApi subsonic, ListenImportSettings settings) {
        this.importer = importer;
        this.subsonic = subsonic;
        this.maxBytes = settings.maxFileSize().toBytes();
    }

    @PostMapping("/import")
    public Mono<ImportReport> importListens(Caller caller, ServerHttpRequest request) {
        if (request.getHeaders().getContentLength() > maxBytes) {
            return Mono.error(tooLarge());
        }
        AtomicLong received = new AtomicLong();
        Flux<DataBuffer> body = request.getBody().handle((buffer, sink) -> {
            if (received.addAndGet(buffer.readableByteCount()) > maxBytes) {
                DataBufferUtils.release(buffer);
                sink.error(tooLarge());
            } else {
                sink.next(buffer);
            }
        });
        return Mono.usingWhen(
                Mono.fromCallable(() -> Files.createTempFile("minstrel-import-", ".upload"))
                        .subscribeOn(Schedulers.boundedElastic()),
                file -> DataBufferUtils.write(body, file)
                        .then(Mono.defer(() -> importer.importFile(caller.account().id(), file)))
                        .doOnSuccess(report -> subsonic.listensChanged(caller.account().id()))
                        .onErrorMap(MalformedListenFile.class, e -> ApiException.badRequest(
                                "The file cannot be imported: " + e.getMessage() + " Nothing was imported.")),
                ListensImportController::delete);
    }

    private ApiException tooLarge() {
        String limit = maxBytes % (1024 * 1024) == 0 ? maxBytes / (1024 * 1024) + " MB" : maxBytes / 1024 + " KB";
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "The file is larger than " + limit
                + "; split it (one file per year, say) and import each.");
    }

    private static Mono<Void> delete(Path file) {
        return Mono.<Void>fromRunnable(() -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file left behind is removed with the others when the machine restarts
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
