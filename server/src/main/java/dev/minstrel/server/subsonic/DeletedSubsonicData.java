package dev.minstrel.server.subsonic;

import dev.minstrel.server.accounts.AccountDeleted;
import dev.minstrel.subsonic.SubsonicApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

/** A deleted user's stars, ratings, playlists, play queue and bookmarks go with the account. */
public class DeletedSubsonicData {

    private static final Logger log = LoggerFactory.getLogger(DeletedSubsonicData.class);

    private final SubsonicApi api;

    public DeletedSubsonicData(SubsonicApi api) {
        this.api = api;
    }

    @EventListener
    public void accountDeleted(AccountDeleted event) {
        api.forgetUser(event.accountId()).subscribe(null,
                error -> log.error("Could not delete the Subsonic data of {}", event.username(), error));
    }
}
