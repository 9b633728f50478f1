package dev.minstrel.server.analytics;

import dev.minstrel.analytics.listen.ListenStore;
import dev.minstrel.analytics.sharing.ListenerSettingsStore;
import dev.minstrel.server.accounts.AccountDeleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

/**
 * Deletes a deleted user's listens when the owner asked for it; otherwise they stay in the
 * server's stats. Their choices about their listening go either way, so their listens leave what
 * friends see (the circle's playlist). It runs in the background: rebuilding the server's roll-ups
 * without them can take a while on a large history, and the account is already gone.
 */
public class DeletedListeningHistory {

    private static final Logger log = LoggerFactory.getLogger(DeletedListeningHistory.class);

    private final ListenStore listens;
    private final ListenerSettingsStore settings;

    public DeletedListeningHistory(ListenStore listens, ListenerSettingsStore settings) {
        this.listens = listens;
        this.settings = settings;
    }

    @EventListener
    public void accountDeleted(AccountDeleted event) {
        settings.forget(event.accountId()).subscribe(null,
                error -> log.error("Could not forget the listening choices of {}", event.username(), error));
        if (event.deleteHistory()) {
            listens.deleteUser(event.accountId()).subscribe(null,
                    error -> log.error("Could not delete the listening history of {}", event.username(), error));
        }
    }
}
