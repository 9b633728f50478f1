package dev.minstrel.server.analytics;

import dev.minstrel.analytics.listen.ListenStore;
import dev.minstrel.server.accounts.AccountDeleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

/**
 * Deletes a deleted user's listens when the owner asked for it; otherwise they stay in the
 * server's stats. It runs in the background: rebuilding the server's roll-ups without them can take
 * a while on a large history, and the account is already gone.
 */
public class DeletedListeningHistory {

    private static final Logger log = LoggerFactory.getLogger(DeletedListeningHistory.class);

    private final ListenStore listens;

    public DeletedListeningHistory(ListenStore listens) {
        this.listens = listens;
    }

    @EventListener
    public void accountDeleted(AccountDeleted event) {
        if (event.deleteHistory()) {
            listens.deleteUser(event.accountId()).subscribe(null,
                    error -> log.error("Could not delete the listening history of {}", event.username(), error));
        }
    }
}
