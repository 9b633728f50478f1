package dev.minstrel.server.api.transcoding;

import dev.minstrel.server.accounts.Account;
import dev.minstrel.server.accounts.Accounts;
import dev.minstrel.server.api.ApiException;
import dev.minstrel.server.api.Caller;
import dev.minstrel.subsonic.transcode.AudioFormat;
import dev.minstrel.subsonic.transcode.TranscodeProfile;
import dev.minstrel.subsonic.transcode.TranscodeProfiles;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The owner's transcoding defaults per user and per app ("Symfonium on phones gets Opus 128"):
 * a {@code stream} request that names no format takes the profile's, and its bit rate limit is
 * the lower of the two. Setting the same user and app again replaces the profile.
 */
@RestController
@RequestMapping("/api/transcoding/profiles")
public class TranscodingController {

    private static final int MAX_CLIENT_LENGTH = 255;

    private final TranscodeProfiles profiles;
    private final Accounts accounts;

    public TranscodingController(TranscodeProfiles profiles, Accounts accounts) {
        this.profiles = profiles;
        this.accounts = accounts;
    }

    /**
     * @param username   the user it is for, or null for everyone
     * @param client     the app's name as it sends it ({@code c=}), or null for every app
     * @param format     {@code mp3}, {@code opus} or {@code aac}, or null to keep Minstrel's choice
     * @param maxBitRate kbit/s at most; 0 for no limit
     */
    public record ProfileView(String id, String username, String client, String format, int maxBitRate) {
    }

    public record NewProfile(String username, String client, String format, Integer maxBitRate) {
    }

    @GetMapping
    public Mono<List<ProfileView>> list(Caller caller) {
        caller.requireOwner();
        return usernames().flatMap(names -> profiles.all().map(all -> all.stream()
                // a profile whose user is gone is removed with the account; never show an id instead
                .filter(profile -> profile.userId() == null || names.containsKey(profile.userId()))
                .map(profile -> view(profile, names)).toList()));
    }

    /** 201 once stored; 400 for an unknown format, user or a bit rate out of range. */
    @PostMapping
    public Mono<ResponseEntity<ProfileView>> set(Caller caller, @RequestBody NewProfile body) {
        caller.requireOwner();
        AudioFormat format = null;
        if (body.format() != null && !body.format().isBlank()) {
            format = AudioFormat.named(body.format())
                    .orElseThrow(() -> ApiException.badRequest("format must be mp3, opus or aac, or left out"));
        }
        int rate = body.maxBitRate() == null ? 0 : body.maxBitRate();
        if (rate < 0 || rate > 320 || (rate > 0 && rate < 32)) {
            throw ApiException.badRequest("maxBitRate must be 0 (no limit) or between 32 and 320 kbit/s");
        }
        if (format == null && rate == 0) {
            throw ApiException.badRequest("Give a format, a maxBitRate or both: a profile with neither changes nothing");
        }
        String client = body.client() == null || body.client().isBlank() ? null : body.client().strip();
        if (client != null && (client.length() > MAX_CLIENT_LENGTH || client.chars().anyMatch(Character::isISOControl))) {
            throw ApiException.badRequest("client must be an app name of at most 255 printable characters");
        }
        AudioFormat chosen = format;
        Mono<String> userId = body.username() == null || body.username().isBlank() ? Mono.just("")
                : accounts.store().byUsername(body.username().strip()).map(Account::id)
                .switchIfEmpty(Mono.error(() -> ApiException.badRequest("There is no user " + body.username().strip())));
        return userId.flatMap(id -> profiles.put(id.isEmpty() ? null : id, client, chosen, rate))
                .flatMap(profile -> usernames().map(names -> view(profile, names)))
                .map(view -> ResponseEntity.status(HttpStatus.CREATED).body(view));
    }

    @DeleteMapping("/{id}")
    public Mono<ResponseEntity<Void>> delete(Caller caller, @PathVariable String id) {
        caller.requireOwner();
        return profiles.delete(id).map(deleted -> {
            if (!deleted) {
                throw ApiException.notFound("There is no transcoding profile " + id);
            }
            return ResponseEntity.noContent().<Void>build();
        });
    }

    private Mono<Map<String, String>> usernames() {
        return accounts.store().all().collect(Collectors.toMap(Account::id, Account::username, (a, b) -> a));
    }

    private static ProfileView view(TranscodeProfile profile, Map<String, String> names) {
        return new ProfileView(profile.id(), profile.userId() == null ? null : names.get(profile.userId()),
                profile.client(), profile.format() == null ? null : profile.format().suffix(), profile.maxBitRate());
    }
}
