package dev.minstrel.server.api;

import dev.minstrel.server.api.web.InviteQrController;
import io.nayuki.qrcodegen.QrCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What /api offers the web page: its session-bound Subsonic key, the invite check before the join
 * form, invite QR codes, the library's scan status, and the page's shell with its hashed,
 * long-cached, compressed files under a Content-Security-Policy that allows only its import map.
 */
class WebPageApiTest {

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
    void thePlayerKeyWorksOnRestWhileItsSessionLivesAndNeverAsOneOfTheUsersKeys() {
        Visitor owner = server.owner();
        String key = owner.post("/api/web/player-key", Map.of()).json("$.apiKey");
        assertThat(key).startsWith("msp_");
        assertThat(owner.post("/api/web/player-key", Map.of()).<String>json("$.apiKey"))
                .as("the same key after a reload, so cached cover URLs stay valid").isEqualTo(key);
        assertThat(ping(key)).contains("\"status\":\"ok\"");
        assertThat(owner.get("/api/me/api-keys").body()).doesNotContain(key.substring(0, 20)).doesNotContain("Minstrel web");

        assertThat(owner.post("/api/auth/logout", Map.of()).status()).isEqualTo(204);
        assertThat(ping(key)).contains("\"status\":\"failed\"").contains("\"code\":44");
    }

    @Test
    void aPlayerKeyNeedsAWebSessionAndCannotBeForged() {
        Visitor owner = server.owner();
        String apiKey = owner.post("/api/me/api-keys", Map.of("name", "script")).json("$.key");
        Visitor script = server.visitor().bearer(apiKey);
        assertThat(script.post("/api/web/player-key", Map.of()).status()).isEqualTo(403);
        assertThat(server.visitor().post("/api/web/player-key", Map.of()).status()).isEqualTo(401);

        String key = owner.post("/api/web/player-key", Map.of()).json("$.apiKey");
        String forged = key.substring(0, key.indexOf('.') + 1) + "A".repeat(43);
        assertThat(ping(forged)).contains("\"code\":44");
    }

    @Test
    void theJoinPageLearnsWhetherAnInviteCanStillBeUsedWithoutSigningIn() {
        Visitor owner = server.owner();
        String code = owner.post("/api/invites", Map.of("note", "for Jo")).json("$.code");
        Visitor stranger = server.visitor();
        Visitor.Reply usable = stranger.get("/api/join/" + code);
        assertThat(usable.status()).isEqualTo(200);
        assertThat(usable.<Boolean>json("$.usable")).isTrue();
        assertThat(usable.<String>json("$.role")).isEqualTo("friend");

        assertThat(stranger.post("/api/auth/signup", Map.of("inviteCode", code, "username", "jo",
                "password", "jos-password-1")).status()).isEqualTo(201);
        Visitor.Reply used = server.visitor().get("/api/join/" + code);
        assertThat(used.<Boolean>json("$.usable")).isFalse();
        assertThat(used.<String>json("$.reason")).isEqualTo("used");

        String revoked = owner.post("/api/invites", Map.of()).json("$.code");
        owner.delete("/api/invites/" + revoked);
        assertThat(server.visitor().get("/api/join/" + revoked).<String>json("$.reason")).isEqualTo("revoked");

        Visitor.Reply unknown = server.visitor().get("/api/join/no-such-code");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.headers().getContentType()).hasToString("application/problem+json");
    }

    @Test
    void anInvitesQrCodeEncodesItsJoinLinkAndOnlyTheOwnerGetsIt() {
        Visitor owner = server.owner();
        String code = owner.post("/api/invites", Map.of()).json("$.code");
        Visitor.Reply qr = owner.get("/api/invites/" + code + "/qr");
        assertThat(qr.status()).isEqualTo(200);
        assertThat(qr.headers().getContentType()).hasToString("image/svg+xml");
        String link = "http://127.0.0.1:" + server.port + "/join/" + code;
        assertThat(qr.body()).isEqualTo(InviteQrController.svg(QrCode.encodeText(link, QrCode.Ecc.MEDIUM)));

        Visitor friend = server.friend("qr-friend", "qr-friend-pw-1");
        assertThat(friend.get("/api/invites/" + code + "/qr").status()).isEqualTo(403);
        assertThat(owner.get("/api/invites/nope/qr").status()).isEqualTo(404);
    }

    @Test
    void theOwnerSeesTheScanAndStartsARescan() {
        Visitor owner = server.owner();
        Visitor.Reply scan = owner.get("/api/library/scan");
        assertThat(scan.status()).isEqualTo(200);
        assertThat(scan.body()).contains("\"scanning\"").contains("\"tracks\"").contains("\"unreadable\":[");
        Visitor.Reply started = owner.post("/api/library/scan", Map.of("full", true));
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.body()).contains("\"started\"");

        Visitor friend = server.friend("scan-friend", "scan-friend-pw-1");
        assertThat(friend.get("/api/library/scan").status()).isEqualTo(403);
    }

    @Test
    void everyPageRouteAnswersTheShellWhoseImportMapAloneIsAllowedInline() throws Exception {
        for (String path : new String[] {"/", "/library", "/albums/al-1", "/join/abc", "/circle/users", "/stats/server"}) {
            Visitor.Reply shell = server.visitor().get(path);
            assertThat(shell.status()).as(path).isEqualTo(200);
            assertThat(shell.headers().getContentType().toString()).startsWith("text/html");
            assertThat(shell.headers().getCacheControl()).isEqualTo("no-cache");
            Matcher importMap = Pattern.compile("<script type=\"importmap\">(.*?)</script>").matcher(shell.body());
            assertThat(importMap.find()).isTrue();
            String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(importMap.group(1).getBytes(StandardCharsets.UTF_8)));
            assertThat(shell.headers().getFirst("Content-Security-Policy"))
                    .contains("script-src 'self' 'sha256-" + hash + "';").contains("style-src 'self';");
            assertThat(shell.body()).doesNotContain("<script>").doesNotContain("style=");
        }
        assertThat(server.visitor().get("/no-such-page").status()).isEqualTo(404);
    }

    @Test
    void staticFilesHaveContentHashedNamesAndAreCachedForAYear() {
        String shell = server.visitor().get("/").body();
        Matcher main = Pattern.compile("src=\"(/app/main-[0-9a-f]{32}\\.js)\"").matcher(shell);
        assertThat(main.find()).isTrue();
        Visitor.Reply script = server.visitor().get(main.group(1));
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.headers().getCacheControl()).contains("max-age=31536000").contains("immutable");
        assertThat(script.body()).contains("import");
        assertThat(server.visitor().get("/app/main-00000000000000000000000000000000.js").status()).isEqualTo(404);
    }

    private static String ping(String key) {
        return server.visitor().get("/rest/ping?f=json&v=1.16.1&c=test&apiKey=" + key).body();
    }
}
