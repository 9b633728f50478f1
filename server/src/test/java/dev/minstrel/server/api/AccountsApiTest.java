package dev.minstrel.server.api;

import dev.minstrel.server.accounts.AccountDeleted;
import dev.minstrel.server.accounts.Accounts;
import dev.minstrel.server.accounts.SubsonicCredentials;
import dev.minstrel.server.accounts.apikeys.ApiKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.http.ResponseCookie;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The accounts flows of the extension API, over HTTP against the real server. */
class AccountsApiTest {

    @TempDir
    static Path dir;
    static ApiTestServer server;

    @BeforeAll
    static void start() {
        server = new ApiTestServer(dir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theOwnerLogsInWithAnHttpOnlySameSiteCookieAndLogsOut() {
        Visitor owner = server.visitor();

        Visitor.Reply login = owner.login("owner", ApiTestServer.OWNER_PASSWORD);

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.<String>json("$.username")).isEqualTo("owner");
        assertThat(login.<String>json("$.role")).isEqualTo("owner");
        assertThat(login.body()).doesNotContain(ApiTestServer.OWNER_PASSWORD).doesNotContain("pbkdf2");
        ResponseCookie session = login.cookies().get("MINSTREL_SESSION");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        assertThat(session.getPath()).isEqualTo("/");
        ResponseCookie csrf = login.cookies().get("XSRF-TOKEN");
        assertThat(csrf.isHttpOnly()).isFalse();
        assertThat(owner.get("/api/me").<String>json("$.username")).isEqualTo("owner");

        String token = owner.cookies().get("MINSTREL_SESSION");
        assertThat(owner.post("/api/auth/logout", null).status()).isEqualTo(204);
        assertThat(owner.cookies()).doesNotContainKey("MINSTREL_SESSION");
        owner.cookies().put("MINSTREL_SESSION", token);
        assertThat(owner.get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void namesAndNotesAreStoredWithoutControlCharacters() {
        Visitor owner = server.owner();

        String note = owner.post("/api/invites", Map.of("note", "for\u0001 Sam\u001B")).json("$.note");
        String name = owner.post("/api/me/api-keys", Map.of("name", "phone\u0007")).json("$.name");

        assertThat(note).isEqualTo("for Sam");
        assertThat(name).isEqualTo("phone");
    }

    @Test
    void aWrongPasswordIsRefusedAsAProblemWithoutASession() {
        Visitor stranger = server.visitor();

        Visitor.Reply reply = stranger.login("owner", "not-the-password");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.headers().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(reply.<String>json("$.detail")).isEqualTo("Wrong username or password");
        assertThat(reply.<Integer>json("$.status")).isEqualTo(401);
        assertThat(stranger.cookies()).doesNotContainKey("MINSTREL_SESSION");
    }

    @Test
    void aCookieAuthenticatedChangeWithoutTheCsrfHeaderIsRefused() {
        Visitor owner = server.owner();

        Visitor.Reply forged = owner.withoutCsrfHeader().post("/api/invites", Map.of("note", "forged"));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.<String>json("$.detail")).contains("CSRF");
        assertThat(server.owner().post("/api/invites", Map.of("note", "real")).status()).isEqualTo(201);
    }

    @Test
    void aFriendIsInvitedSignsUpAndTheSameCredentialsServeSubsonic() throws Exception {
        Visitor owner = server.owner();
        Visitor.Reply invite = owner.post("/api/invites", Map.of("note", "for Sam", "download", true));
        assertThat(invite.status()).isEqualTo(201);
        String code = invite.json("$.code");
        assertThat(invite.<String>json("$.signupPath")).isEqualTo("/join/" + code);
        assertThat(invite.<String>json("$.role")).isEqualTo("friend");
        assertThat(invite.<Integer>json("$.maxUses")).isEqualTo(1);

        Visitor sam = server.visitor();
        Visitor.Reply signup = sam.post("/api/auth/signup",
                Map.of("inviteCode", code, "username", "sam", "password", "sams-password"));

        assertThat(signup.status()).isEqualTo(201);
        Visitor.Reply me = sam.get("/api/me");
        assertThat(me.<String>json("$.username")).isEqualTo("sam");
        assertThat(me.<String>json("$.role")).isEqualTo("friend");
        assertThat(me.<Boolean>json("$.download")).isTrue();
        assertThat(me.<Boolean>json("$.ingest")).isFalse();
        assertThat(server.visitor().login("sam", "sams-password").status()).isEqualTo(200);

        SubsonicCredentials subsonic = server.bean(Accounts.class).findForSubsonic("sam").block();
        String salt = "c19b2d";
        assertThat(md5(subsonic.password() + salt)).isEqualTo(md5("sams-password" + salt));
        assertThat(subsonic.account().subsonicRoles().download()).isTrue();
        assertThat(subsonic.account().subsonicRoles().admin()).isFalse();
        assertThat(subsonic.toString()).doesNotContain("sams-password");

        Visitor.Reply listed = owner.get("/api/invites");
        assertThat(listed.<List<String>>json("$[?(@.code == '" + code + "')].usedBy[*].username"))
                .containsExactly("sam");
        assertThat(listed.<List<Integer>>json("$[?(@.code == '" + code + "')].uses")).containsExactly(1);
        assertThat(listed.<List<String>>json("$[?(@.code == '" + code + "')].note")).containsExactly("for Sam");
    }

    @Test
    void anInviteUsedPastItsUsesIsRefusedAndATakenUsernameCostsNoUse() {
        Visitor owner = server.owner();
        String code = owner.post("/api/invites", Map.of("maxUses", 2)).json("$.code");

        assertThat(signUp(code, "twin-one").status()).isEqualTo(201);
        Visitor.Reply taken = signUp(code, "twin-one");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(signUp(code, "twin-two").status()).isEqualTo(201);
        Visitor.Reply third = signUp(code, "twin-three");

        assertThat(third.status()).isEqualTo(403);
        assertThat(third.<String>json("$.detail")).contains("not valid");
        assertThat(owner.get("/api/invites").<List<Integer>>json("$[?(@.code == '" + code + "')].uses"))
                .containsExactly(2);
    }

    @Test
    void anExpiredInviteIsRefused() throws Exception {
        String code = server.owner().post("/api/invites",
                Map.of("expiresAt", Instant.now().plusMillis(1500).toString())).json("$.code");

        Thread.sleep(1600);

        assertThat(signUp(code, "too-late").status()).isEqualTo(403);
        assertThat(server.visitor().login("too-late", "password-of-too-late").status()).isEqualTo(401);
    }

    @Test
    void aRevokedInviteIsRefusedButStaysListed() {
        Visitor owner = server.owner();
        String code = owner.post("/api/invites", Map.of()).json("$.code");

        assertThat(owner.delete("/api/invites/" + code).status()).isEqualTo(204);

        assertThat(signUp(code, "revoked-friend").status()).isEqualTo(403);
        assertThat(owner.get("/api/invites").<List<Boolean>>json("$[?(@.code == '" + code + "')].revoked"))
                .containsExactly(true);
        assertThat(owner.delete("/api/invites/no-such-code").status()).isEqualTo(404);
    }

    @Test
    void signUpChecksTheUsernameAndPasswordPolicy() {
        String code = server.owner().post("/api/invites", Map.of("maxUses", 5)).json("$.code");

        Visitor.Reply shortPassword = server.visitor().post("/api/auth/signup",
                Map.of("inviteCode", code, "username", "shorty", "password", "1234567"));
        Visitor.Reply badName = server.visitor().post("/api/auth/signup",
                Map.of("inviteCode", code, "username", "no spaces/please", "password", "long-enough-1"));

        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.<String>json("$.detail")).contains("at least 8");
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.<String>json("$.detail")).contains("username");
    }

    @Test
    void aFriendChangesTheirPasswordAndTheirOtherSessionsEnd() {
        Visitor phone = server.friend("pat", "pats-first-password");
        Visitor laptop = server.visitor();
        laptop.login("pat", "pats-first-password");

        Visitor.Reply wrongCurrent = phone.post("/api/me/password",
                Map.of("currentPassword", "a-wrong-guess", "newPassword", "pats-second-password"));
        Visitor.Reply tooShort = phone.post("/api/me/password",
                Map.of("currentPassword", "pats-first-password", "newPassword", "short"));
        Visitor.Reply changed = phone.post("/api/me/password",
                Map.of("currentPassword", "pats-first-password", "newPassword", "pats-second-password"));

        assertThat(wrongCurrent.status()).isEqualTo(403);
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(changed.status()).isEqualTo(204);
        assertThat(phone.get("/api/me").status()).isEqualTo(200);
        assertThat(laptop.get("/api/me").status()).isEqualTo(401);
        assertThat(server.visitor().login("pat", "pats-first-password").status()).isEqualTo(401);
        assertThat(server.visitor().login("pat", "pats-second-password").status()).isEqualTo(200);
        assertThat(server.bean(Accounts.class).findForSubsonic("pat").block().password())
                .isEqualTo("pats-second-password");
    }

    @Test
    void anApiKeyIsShownOnceWorksAsBearerWithoutCsrfAndForSubsonicUntilRevoked() {
        Visitor kim = server.friend("kim", "kims-password");

        Visitor.Reply created = kim.post("/api/me/api-keys", Map.of("name", "Symfonium"));
        assertThat(created.status()).isEqualTo(201);
        String key = created.json("$.key");
        String id = created.json("$.id");
        Visitor.Reply listed = kim.get("/api/me/api-keys");
        assertThat(listed.<List<String>>json("$[*].name")).containsExactly("Symfonium");
        assertThat(listed.body()).doesNotContain(key);

        Visitor script = new Visitor(server.port).bearer(key);
        assertThat(script.get("/api/me").<String>json("$.username")).isEqualTo("kim");
        assertThat(script.post("/api/me/api-keys", Map.of("name", "by script")).status()).isEqualTo(201);
        assertThat(server.bean(ApiKeys.class).resolve(key).block().username()).isEqualTo("kim");

        assertThat(kim.delete("/api/me/api-keys/" + id).status()).isEqualTo(204);
        assertThat(script.get("/api/me").status()).isEqualTo(401);
        assertThat(server.bean(ApiKeys.class).resolve(key).block()).isNull();
    }

    @Test
    void aFriendCannotRevokeAnotherUsersKey() {
        Visitor lee = server.friend("lee", "lees-password");
        Visitor max = server.friend("max", "maxs-password");
        String leesKeyId = lee.post("/api/me/api-keys", Map.of("name", "DSub")).json("$.id");

        assertThat(max.delete("/api/me/api-keys/" + leesKeyId).status()).isEqualTo(404);
        assertThat(max.get("/api/me/api-keys").body()).isEqualTo("[]");
        assertThat(lee.get("/api/me/api-keys").<List<String>>json("$[*].id")).containsExactly(leesKeyId);
    }

    @Test
    void theOwnerTogglesGrantsAndADisabledUserIsShutOutAtOnce() {
        Visitor owner = server.owner();
        Visitor ann = server.friend("ann", "anns-password");
        String key = ann.post("/api/me/api-keys", Map.of("name", "Feishin")).json("$.key");

        Visitor.Reply granted = owner.patch("/api/users/ann", Map.of("ingest", true));
        assertThat(granted.status()).isEqualTo(200);
        assertThat(granted.<Boolean>json("$.ingest")).isTrue();
        assertThat(ann.get("/api/me").<Boolean>json("$.ingest")).isTrue();
        assertThat(owner.get("/api/users").<List<String>>json("$[*].username")).contains("owner", "ann");

        assertThat(owner.patch("/api/users/ann", Map.of("enabled", false)).<Boolean>json("$.enabled")).isFalse();

        assertThat(ann.get("/api/me").status()).isEqualTo(401);
        assertThat(new Visitor(server.port).bearer(key).get("/api/me").status()).isEqualTo(401);
        assertThat(server.visitor().login("ann", "anns-password").status()).isEqualTo(401);
        assertThat(server.bean(Accounts.class).findForSubsonic("ann").block()).isNull();
        assertThat(server.bean(ApiKeys.class).resolve(key).block()).isNull();

        owner.patch("/api/users/ann", Map.of("enabled", true));
        assertThat(server.visitor().login("ann", "anns-password").status()).isEqualTo(200);
        assertThat(new Visitor(server.port).bearer(key).get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void theOwnerSetsANewPasswordForAFriendWhoForgotTheirs() {
        Visitor owner = server.owner();
        Visitor jo = server.friend("jo", "jos-forgotten-password");

        assertThat(owner.patch("/api/users/jo", Map.of("password", "short")).status()).isEqualTo(400);
        assertThat(owner.patch("/api/users/jo", Map.of("password", "jos-new-password")).status()).isEqualTo(200);

        assertThat(jo.get("/api/me").status()).isEqualTo(401);
        assertThat(server.visitor().login("jo", "jos-forgotten-password").status()).isEqualTo(401);
        assertThat(server.visitor().login("jo", "jos-new-password").status()).isEqualTo(200);
        assertThat(server.visitor().get("/rest/ping?u=jo&s=a1b2c3&t=" + md5Hex("jos-new-password" + "a1b2c3")
                + "&v=1.16.1&c=test&f=json").<String>json("$['subsonic-response'].status")).isEqualTo("ok");
    }

    @Test
    void theOwnerCannotDemoteDisableOrDeleteThemself() {
        Visitor owner = server.owner();

        assertThat(owner.patch("/api/users/owner", Map.of("role", "friend")).status()).isEqualTo(409);
        assertThat(owner.patch("/api/users/owner", Map.of("enabled", false)).status()).isEqualTo(409);
        assertThat(owner.delete("/api/users/owner").status()).isEqualTo(409);
        assertThat(owner.patch("/api/users/owner", Map.of("role", "admin")).status()).isEqualTo(400);
        assertThat(owner.patch("/api/users/nobody", Map.of("enabled", false)).status()).isEqualTo(404);
        assertThat(owner.get("/api/me").<String>json("$.role")).isEqualTo("owner");
    }

    @Test
    void aDeletedUsersCookieTokenAndKeyStopWorkingAtOnce() {
        Visitor owner = server.owner();
        Visitor bo = server.friend("bo", "bos-password");
        String key = bo.post("/api/me/api-keys", Map.of("name", "Amperfy")).json("$.key");
        String jwt = bo.cookies().get("MINSTREL_SESSION");
        assertThat(bo.get("/api/me").status()).isEqualTo(200);

        assertThat(owner.delete("/api/users/bo").status()).isEqualTo(204);

        assertThat(bo.get("/api/me").status()).isEqualTo(401);
        Visitor replay = server.visitor();
        replay.cookies().put("MINSTREL_SESSION", jwt);
        assertThat(replay.get("/api/me").status()).isEqualTo(401);
        assertThat(new Visitor(server.port).bearer(key).get("/api/me").status()).isEqualTo(401);
        assertThat(server.bean(ApiKeys.class).resolve(key).block()).isNull();
        assertThat(server.bean(Accounts.class).findForSubsonic("bo").block()).isNull();
        assertThat(server.visitor().login("bo", "bos-password").status()).isEqualTo(401);
        assertThat(owner.get("/api/users").<List<String>>json("$[*].username")).doesNotContain("bo");
        assertThat(owner.delete("/api/users/bo").status()).isEqualTo(404);
    }

    @Test
    void deletingAUserKeepsTheirHistoryUnlessTheOwnerAsks() {
        List<AccountDeleted> heard = new CopyOnWriteArrayList<>();
        server.context.addApplicationListener((ApplicationListener<PayloadApplicationEvent<AccountDeleted>>)
                event -> heard.add(event.getPayload()));
        Visitor owner = server.owner();
        server.friend("keeps", "keeps-password");
        server.friend("goes", "goes-password");

        owner.delete("/api/users/keeps");
        owner.delete("/api/users/goes?deleteHistory=true");

        assertThat(heard).extracting(AccountDeleted::username, AccountDeleted::deleteHistory)
                .containsExactly(tuple("keeps", false), tuple("goes", true));
    }

    private static Visitor.Reply signUp(String code, String username) {
        return server.visitor().post("/api/auth/signup",
                Map.of("inviteCode", code, "username", username, "password", "password-of-" + username));
    }

    private static String md5Hex(String text) {
        try {
            return md5(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
