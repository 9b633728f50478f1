package dev.minstrel.analytics.sharing;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Each listener's {@link ListenerSettings}, stored; those who never chose have the defaults. */
public final class ListenerSettingsStore {

    private final DatabaseClient db;
    private final List<Consumer<String>> changeListeners = new CopyOnWriteArrayList<>();

    public ListenerSettingsStore(DatabaseClient db) {
        this.db = db;
    }

    /** {@code listener} hears the id of each user whose settings changed, once stored. */
    public void onChange(Consumer<String> listener) {
        changeListeners.add(listener);
    }

    public Mono<ListenerSettings> of(String userId) {
        return Mono.fromCallable(() -> stored(userId)).subscribeOn(Schedulers.boundedElastic());
    }

    /** Blocking: for callers already off the event loop. */
    public ListenerSettings stored(String userId) {
        return db.sql("SELECT made_playlists, friends_see FROM listener_settings WHERE user_id = :u")
                .bind("u", userId)
                .map(row -> new ListenerSettings(Boolean.TRUE.equals(row.get("made_playlists", Boolean.class)),
                        FriendsSee.of(row.get("friends_see", String.class)).orElse(FriendsSee.NOTHING)))
                .one().blockOptional().orElse(ListenerSettings.DEFAULTS);
    }

    /** Users who let friends see at least their top lists. Blocking. */
    public List<String> sharing() {
        return db.sql("SELECT user_id FROM listener_settings WHERE friends_see <> :nothing ORDER BY user_id")
                .bind("nothing", FriendsSee.NOTHING.parameter())
                .map(row -> row.get("user_id", String.class)).all().collectList().block();
    }

    /** Stores the settings and answers them once stored. */
    public Mono<ListenerSettings> save(String userId, ListenerSettings settings) {
        return Mono.fromCallable(() -> {
            synchronized (this) {
                write(userId, settings);
            }
            changeListeners.forEach(listener -> listener.accept(userId));
            return settings;
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** The account is gone: so are its choices, and its listening leaves what friends see. */
    public Mono<Void> forget(String userId) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                db.sql("DELETE FROM listener_settings WHERE user_id = :u").bind("u", userId).fetch().rowsUpdated().block();
            }
            changeListeners.forEach(listener -> listener.accept(userId));
        }).subscribeOn(Schedulers.boundedElastic()).then();
    }

    /** One writer at a time, so two first saves of one user cannot both insert. */
    private void write(String userId, ListenerSettings settings) {
        Long updated = db.sql("UPDATE listener_settings SET made_playlists = :made, friends_see = :see WHERE user_id = :u")
                .bind("made", settings.madePlaylists()).bind("see", settings.friendsSee().parameter()).bind("u", userId)
                .fetch().rowsUpdated().block();
        if (updated == null || updated == 0) {
            db.sql("INSERT INTO listener_settings (user_id, made_playlists, friends_see) VALUES (:u, :made, :see)")
                    .bind("u", userId).bind("made", settings.madePlaylists())
                    .bind("see", settings.friendsSee().parameter())
                    .fetch().rowsUpdated().block();
        }
    }
}
