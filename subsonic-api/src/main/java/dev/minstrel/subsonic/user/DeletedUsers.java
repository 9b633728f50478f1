package dev.minstrel.subsonic.user;

import dev.minstrel.subsonic.annotation.AnnotationStore;
import dev.minstrel.subsonic.transcode.TranscodeProfiles;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Removes what the Subsonic API keeps for a user whose account was deleted: stars, ratings, their
 * playlists (public ones too: they were theirs), play queue, bookmarks and transcoding profiles. Listens belong to the
 * analytics module, which keeps them unless the owner asks otherwise. The deletions are one
 * transaction, so a failure leaves none of them half done.
 */
public final class DeletedUsers {

    private static final String[] DELETES = {
            "DELETE FROM subsonic_playlist_entry WHERE playlist_id IN (SELECT id FROM subsonic_playlist WHERE owner_id = :user)",
            "DELETE FROM subsonic_playlist WHERE owner_id = :user",
            "DELETE FROM subsonic_play_queue_entry WHERE user_id = :user",
            "DELETE FROM subsonic_play_queue WHERE user_id = :user",
            "DELETE FROM subsonic_bookmark WHERE user_id = :user",
            "DELETE FROM subsonic_transcode_profile WHERE user_id = :user"};

    private final DatabaseClient db;
    private final TransactionalOperator transactions;
    private final AnnotationStore annotations;
    private final TranscodeProfiles transcodeProfiles;

    public DeletedUsers(DatabaseClient db, TransactionalOperator transactions, AnnotationStore annotations,
                        TranscodeProfiles transcodeProfiles) {
        this.db = db;
        this.transactions = transactions;
        this.annotations = annotations;
        this.transcodeProfiles = transcodeProfiles;
    }

    public Mono<Void> forget(String userId) {
        Mono<Void> deletes = Flux.fromArray(DELETES)
                .concatMap(sql -> db.sql(sql).bind("user", userId).fetch().rowsUpdated())
                .then();
        return transactions.transactional(deletes)
                .subscribeOn(Schedulers.boundedElastic())
                .then(annotations.forget(userId))
                .then(transcodeProfiles.reload());
    }
}
