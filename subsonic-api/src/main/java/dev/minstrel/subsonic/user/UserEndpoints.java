package dev.minstrel.subsonic.user;

import dev.minstrel.subsonic.auth.SubsonicAccounts;
import dev.minstrel.subsonic.auth.SubsonicUser;
import dev.minstrel.subsonic.model.Payloads;
import dev.minstrel.subsonic.model.PayloadsUserBuilder;
import dev.minstrel.subsonic.protocol.Call;
import dev.minstrel.subsonic.protocol.Lookups;
import dev.minstrel.subsonic.protocol.Reply;
import dev.minstrel.subsonic.protocol.SubsonicException;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * getUser and getUsers, with the roles reported honestly since clients enable features from them.
 * Accounts are managed by the server's own API, not by Subsonic's createUser/updateUser.
 */
public final class UserEndpoints {

    private final SubsonicAccounts accounts;

    public UserEndpoints(SubsonicAccounts accounts) {
        this.accounts = accounts;
    }

    public Mono<Reply> getUser(Call call) {
        String username = call.params().string("username").filter(u -> !u.isBlank()).orElse(call.user().username());
        if (username.equalsIgnoreCase(call.user().username())) {
            return Mono.just(Reply.of("user", view(call.user())));
        }
        call.requireAdmin("see other users");
        return accounts.byUsername(username)
                .switchIfEmpty(Mono.error(() -> SubsonicException.notFound("User")))
                .map(user -> Reply.of("user", view(user)));
    }

    public Mono<Reply> getUsers(Call call) {
        call.requireAdmin("list the users");
        return accounts.all().map(UserEndpoints::view).collectList()
                .map(users -> Reply.of("users", new Payloads.Users(users)));
    }

    private static Payloads.User view(SubsonicUser user) {
        return PayloadsUserBuilder.builder().username(user.username()).email(user.email()).scrobblingEnabled(true)
                .adminRole(user.admin()).settingsRole(false).downloadRole(user.download()).uploadRole(user.ingest())
                .playlistRole(true).coverArtRole(false).commentRole(false).podcastRole(false).streamRole(true)
                .jukeboxRole(false).shareRole(false).videoConversionRole(false)
                .folder(List.of(Lookups.MUSIC_FOLDER_ID)).build();
    }
}
