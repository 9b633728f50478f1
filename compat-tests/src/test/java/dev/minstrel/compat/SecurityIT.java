package dev.minstrel.compat;

import dev.minstrel.library.fixtures.AudioFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accounts as a user meets them, from outside: the owner invites a friend through /api, the
 * friend signs up and uses their Subsonic apps with the same password (token auth) or with an API
 * key; what the friend may not do or see; the login throttle; deletion taking effect at once; no
 * password in clear in the database file. A server of its own, with a small login allowance so
 * the throttle is reached quickly.
 */
class SecurityIT {

    private static final int ADDRESS_FAILURES = 6;
    private static final String FRIEND = "robin";
    private static final String FRIEND_PASSWORD = "robins-Secret-pw-7";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @TempDir
    static Path dir;
    static PackagedServer server;
    static SubsonicClient owner;
    static SubsonicClient friend;
    static String friendKey;
    static List<String> songs = new ArrayList<>();

    @BeforeAll
    static void start() {
        for (int n = 1; n <= 3; n++) {
            AudioFixtures.mp3(dir.resolve("music/Guarded/Vault/0" + n + " Secret " + n + ".mp3")).title("Secret " + n)
                    .artist("Guarded").albumArtist("Guarded").album("Vault").track(n).compact().seconds(5).write();
        }
        server = PackagedServer.start(dir.resolve("music"), dir.resolve("data"), Map.of(
                "MINSTREL_LIBRARY_WATCH", "false",
                "MINSTREL_LIBRARY_SCAN_INTERVAL", "0",
                "MINSTREL_SECURITY_THROTTLE_ADDRESS_FAILURES", Integer.toString(ADDRESS_FAILURES),
                "MINSTREL_SECURITY_THROTTLE_SLOWDOWN", "0s"));
        owner = SubsonicClient.owner(server, "compat-security");
        LibraryServer.awaitScan(owner, Duration.ofSeconds(60));
        owner.json("getAlbumList2", "type", "alphabeticalByName").path("albumList2").path("album").forEach(album ->
                owner.json("getAlbum", "id", album.path("id").asString()).path("album").path("song")
                        .forEach(s -> songs.add(s.path("id").asString())));

        WebVisitor robin = signUp(FRIEND, FRIEND_PASSWORD);
        friendKey = robin.post("/api/me/api-keys", Map.of("name", "Symfonium")).json().path("key").asString();
        friend = new SubsonicClient(server, FRIEND, FRIEND_PASSWORD, "Symfonium", "1.13.0", true);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anInvitedFriendUsesTheSubsonicApiWithTheirPasswordOrAnApiKey() {
        assertThat(friend.json("ping").path("status").asString()).isEqualTo("ok");
        assertThat(friend.withAuth(SubsonicClient.Auth.ENCODED_PASSWORD).json("getMusicFolders")
                .path("musicFolders").path("musicFolder")).hasSize(1);
        JsonNode user = friend.json("getUser", "username", FRIEND).path("user");
        assertThat(user.path("adminRole").asBoolean()).isFalse();
        assertThat(user.path("streamRole").asBoolean()).isTrue();

        SubsonicClient withKey = friend.withApiKey(friendKey);
        assertThat(withKey.json("tokenInfo").path("tokenInfo").path("username").asString()).isEqualTo(FRIEND);
        assertThat(withKey.json("getRandomSongs", "size", "10").path("randomSongs").path("song")).hasSize(songs.size());
        HttpResponse<byte[]> stream = withKey.getBytes(withKey.request("stream", null, "id", songs.get(0)).GET());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).contains("audio/mpeg");
    }

    @Test
    void aFriendIsRefusedTheOwnersCalls() {
        assertThat(friend.jsonError("getUsers").path("code").asInt()).isEqualTo(50);
        assertThat(friend.jsonError("startScan").path("code").asInt()).isEqualTo(50);
        assertThat(friend.jsonError("getUser", "username", PackagedServer.OWNER).path("code").asInt()).isEqualTo(50);
        assertThat(owner.json("getUsers").path("users").path("user")).extracting(u -> u.path("username").asString())
                .contains(PackagedServer.OWNER, FRIEND);
    }

    @Test
    void aFriendSeesNeitherTheOwnersPrivatePlaylistNorTheirPlayQueue() {
        String diary = owner.json("createPlaylist", "name", "Owner's diary", "songId", songs.get(0))
                .path("playlist").path("id").asString();
        owner.json("updatePlaylist", "playlistId", diary, "public", "false");
        owner.json("savePlayQueue", "id", songs.get(1), "id", songs.get(2), "current", songs.get(2), "position", "777");

        assertThat(friend.json("getPlaylists").path("playlists").path("playlist"))
                .extracting(p -> p.path("id").asString()).doesNotContain(diary);
        assertThat(friend.jsonError("getPlaylist", "id", diary).path("code").asInt()).isIn(50, 70);
        assertThat(friend.jsonError("getPlaylists", "username", PackagedServer.OWNER).path("code").asInt()).isEqualTo(50);
        assertThat(friend.jsonError("deletePlaylist", "id", diary).path("code").asInt()).isIn(50, 70);
        assertThat(owner.json("getPlaylist", "id", diary).path("playlist").path("entry")).hasSize(1);

        JsonNode friendsQueue = friend.json("getPlayQueue");
        assertThat(friendsQueue.path("playQueue").path("entry")).isEmpty();
        assertThat(friendsQueue.toString()).doesNotContain(songs.get(2)).doesNotContain("777");
        assertThat(owner.json("getPlayQueue").path("playQueue").path("current").asString()).isEqualTo(songs.get(2));
    }

    @Test
    void aWrongPasswordIsError40AndAnUnknownKeyError44() {
        SubsonicClient guesser = friend.withPassword("robins-guess").from(nextAddress());

        assertThat(guesser.jsonError("ping").path("code").asInt()).isEqualTo(40);
        assertThat(guesser.withAuth(SubsonicClient.Auth.ENCODED_PASSWORD).jsonError("ping").path("code").asInt())
                .isEqualTo(40);
        assertThat(guesser.withApiKey("not-a-key").jsonError("ping").path("code").asInt()).isEqualTo(44);
        assertThat(friend.withApiKey(friendKey).jsonError("ping", "u", FRIEND).path("code").asInt()).isEqualTo(43);
    }

    @Test
    void manyWrongPasswordsFromOneAddressAreThrottledWhileTheOwnerStillGetsIn() {
        SubsonicClient attacker = owner.withPassword("password-guess").from(nextAddress());
        for (int i = 0; i < ADDRESS_FAILURES; i++) {
            JsonNode error = attacker.jsonError("ping");
            assertThat(error.path("code").asInt()).isEqualTo(40);
            assertThat(error.path("message").asString()).doesNotContainIgnoringCase("too many");
        }

        JsonNode refused = attacker.withPassword(PackagedServer.OWNER_PASSWORD).jsonError("ping");
        assertThat(refused.path("code").asInt()).as("refused before the password is even checked").isEqualTo(40);
        assertThat(refused.path("message").asString()).containsIgnoringCase("too many");

        assertThat(owner.json("ping").path("status").asString()).isEqualTo("ok");
        assertThat(owner.from(nextAddress()).json("getMusicFolders").path("status").asString()).isEqualTo("ok");
    }

    @Test
    void badImageSignaturesAreRefusedButNotCountedAsFailedLogins() {
        String address = nextAddress();
        SubsonicClient imageLoader = owner.withAuth(SubsonicClient.Auth.NONE).from(address);
        for (int i = 0; i < ADDRESS_FAILURES + 2; i++) {
            HttpResponse<String> refused = imageLoader.get("getCoverArt", "json", "id", "al-guess" + i, "size", "300",
                    "sig", "forged" + i);
            assertThat(SubsonicClient.parse(refused.body()).at("/subsonic-response/error/code").asInt()).isEqualTo(40);
        }

        assertThat(owner.from(address).json("ping").path("status").asString())
                .as("no password was guessed from this address").isEqualTo("ok");
    }

    @Test
    void aDeletedFriendsTokenAndApiKeyStopWorkingAtOnce() {
        WebVisitor sam = signUp("sam", "sams-password-42");
        String key = sam.post("/api/me/api-keys", Map.of("name", "Amperfy")).json().path("key").asString();
        SubsonicClient samsApp = new SubsonicClient(server, "sam", "sams-password-42", "Amperfy", "1.16.1", true);
        assertThat(samsApp.json("ping").path("status").asString()).isEqualTo("ok");
        assertThat(samsApp.withApiKey(key).json("ping").path("status").asString()).isEqualTo("ok");

        assertThat(ownerOnTheWeb().delete("/api/users/sam").status()).isEqualTo(204);

        assertThat(samsApp.jsonError("ping").path("code").asInt()).isEqualTo(40);
        assertThat(samsApp.withAuth(SubsonicClient.Auth.CACHED_TOKEN).jsonError("getMusicFolders").path("code").asInt())
                .isEqualTo(40);
        assertThat(samsApp.withApiKey(key).jsonError("ping").path("code").asInt()).isEqualTo(44);
    }

    @Test
    void theDatabaseFileHoldsNoPasswordInClear() throws Exception {
        Path database = dir.resolve("data/minstrel.mv.db");
        String contents = "";
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline && !contents.contains(FRIEND)) {
            Thread.sleep(200);
            contents = SharedServices.enabled()
                    ? SharedServices.rowsAsText(dir.resolve("data"), "account", "api_key", "account_session")
                    : new String(Files.readAllBytes(database), StandardCharsets.ISO_8859_1);
        }
        assertThat(contents).as("the friend's row has reached the file").contains(FRIEND);

        for (String secret : List.of(FRIEND_PASSWORD, PackagedServer.OWNER_PASSWORD)) {
            assertThat(contents).doesNotContain(secret);
            assertThat(contents).doesNotContain(new String(secret.getBytes(StandardCharsets.UTF_16BE), StandardCharsets.ISO_8859_1));
        }
        assertThat(contents).doesNotContain(friendKey);
    }

    private static String nextAddress() {
        return "203.0.113." + ADDRESSES.incrementAndGet();
    }

    private static WebVisitor ownerOnTheWeb() {
        return WebVisitor.owner(server, nextAddress());
    }

    /** The owner makes an invite on the web page; the friend opens it and signs up. */
    private static WebVisitor signUp(String username, String password) {
        WebVisitor.Reply invite = ownerOnTheWeb().post("/api/invites", Map.of("note", "for " + username));
        assertThat(invite.status()).as(invite.body()).isEqualTo(201);
        WebVisitor newcomer = new WebVisitor(server, nextAddress());
        WebVisitor.Reply signup = newcomer.post("/api/auth/signup", Map.of("inviteCode",
                invite.json().path("code").asString(), "username", username, "password", password));
        assertThat(signup.status()).as(signup.body()).isEqualTo(201);
        return newcomer;
    }
}
