package dev.minstrel.ingest.events;

import reactor.core.publisher.Flux;

/** Where job and item changes go, and where live clients read them from. */
public interface IngestEvents extends AutoCloseable {

    void publish(IngestEvent event);

    /** Every event published from now on (by any instance sharing the queue). */
    Flux<IngestEvent> live();

    @Override
    default void close() {
    }
}
