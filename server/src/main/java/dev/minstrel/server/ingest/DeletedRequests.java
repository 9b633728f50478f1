package dev.minstrel.server.ingest;

import dev.minstrel.ingest.request.RequestService;
import dev.minstrel.server.accounts.AccountDeleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

/** A deleted user's requests for music go with the account; what was approved from them stays in the library. */
public class DeletedRequests {

    private static final Logger log = LoggerFactory.getLogger(DeletedRequests.class);

    private final RequestService requests;

    public DeletedRequests(RequestService requests) {
        this.requests = requests;
    }

    @EventListener
    public void accountDeleted(AccountDeleted event) {
        requests.forget(event.accountId()).subscribe(null,
                error -> log.error("Could not delete the requests for music of {}", event.username(), error));
    }
}
