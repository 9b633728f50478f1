package dev.minstrel.ingest.api;

import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * The server's authentication, seen from ingest: session cookie or {@code Authorization: Bearer}
 * API key. Empty means nobody is signed in (401).
 */
@FunctionalInterface
public interface IngestCallers {

    Mono<IngestCaller> caller(ServerRequest request);
}
