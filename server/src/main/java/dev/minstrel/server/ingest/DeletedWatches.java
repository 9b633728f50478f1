package dev.minstrel.server.ingest;

import dev.minstrel.ingest.watch.WatchService;
import dev.minstrel.server.accounts.AccountDeleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

/**
 * A deleted user's watched playlists stop with the account (else a sync would make their mirror
 * again for nobody); the songs they brought stay in the library.
 */
public class DeletedWatches {

    private static final Logger log = LoggerFactory.getLogger(DeletedWatches.class);

    private final WatchService watches;

    public DeletedWatches(WatchService watches) {
        this.watches = watches;
    }

    @EventListener
    public void accountDeleted(AccountDeleted event) {
        watches.forget(event.accountId()).subscribe(null,
                error -> log.error("Could not delete the watched playlists of {}", event.username(), error));
    }
}
