package dev.minstrel.ingest.events;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Events within one instance: a multicast sink that drops events for a subscriber that does not
 * keep up rather than holding the downloader back (a reconnecting client gets the current state).
 */
public final class LocalIngestEvents implements IngestEvents {

    private final Sinks.Many<IngestEvent> sink = Sinks.many().multicast().directBestEffort();

    @Override
    public synchronized void publish(IngestEvent event) {
        sink.tryEmitNext(event);
    }

    @Override
    public Flux<IngestEvent> live() {
        return sink.asFlux();
    }

    @Override
    public void close() {
        sink.tryEmitComplete();
    }
}
