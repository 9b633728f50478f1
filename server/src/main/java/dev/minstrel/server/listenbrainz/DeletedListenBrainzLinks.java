package dev.minstrel.server.listenbrainz;

import dev.minstrel.analytics.listenbrainz.ListenBrainzForwarder;
import dev.minstrel.server.accounts.AccountDeleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

/** A deleted account's ListenBrainz token and waiting listens go with it: nothing is sent for an account that is gone. */
public class DeletedListenBrainzLinks {

    private static final Logger log = LoggerFactory.getLogger(DeletedListenBrainzLinks.class);

    private final ListenBrainzForwarder forwarder;

    public DeletedListenBrainzLinks(ListenBrainzForwarder forwarder) {
        this.forwarder = forwarder;
    }

    @EventListener
    public void accountDeleted(AccountDeleted event) {
        forwarder.disconnect(event.accountId()).subscribe(null,
                error -> log.error("Could not forget the ListenBrainz link of {}", event.username(), error));
    }
}
