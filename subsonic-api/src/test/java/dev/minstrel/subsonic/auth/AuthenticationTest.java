package dev.minstrel.subsonic.auth;

import dev.minstrel.subsonic.protocol.Authenticator;
import dev.minstrel.subsonic.SubsonicFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationTest {

    @TempDir
    static Path dir;
    static SubsonicFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new SubsonicFixture(dir);
    }

    private static String ping(String auth) {
        return fixture.json("/rest/ping.view?v=1.16.1&c=test&f=json&" + auth);
    }

    @Test
    void plainPasswordIsAccepted() {
        assertThat(ping("u=alice&p=sesame")).contains("\"status\":\"ok\"");
    }

    @Test
    void hexEncodedPasswordIsAccepted() {
        String hex = HexFormat.of().formatHex(SubsonicFixture.FRIEND_PASSWORD.getBytes(StandardCharsets.UTF_8));
        assertThat(ping("u=bob&p=enc:" + hex)).contains("\"status\":\"ok\"");
    }

    @Test
    void tokenAndSaltAreAcceptedAndASaltMayBeReused() {
        String token = Authenticator.md5Hex("sesame" + "c19b2d");
        assertThat(ping("u=alice&t=" + token + "&s=c19b2d")).contains("\"status\":\"ok\"");
        assertThat(ping("u=alice&t=" + token.toUpperCase() + "&s=c19b2d")).contains("\"status\":\"ok\"");
    }

    @Test
    void usernamesMatchWhateverTheirCase() {
        assertThat(ping("u=Alice&p=sesame")).contains("\"status\":\"ok\"");
    }

    @Test
    void wrongCredentialsAreError40() {
        assertThat(ping("u=alice&p=open")).contains("\"code\":40");
        assertThat(ping("u=alice&t=" + Authenticator.md5Hex("open" + "abcdef") + "&s=abcdef")).contains("\"code\":40");
        assertThat(ping("u=mallory&p=sesame")).contains("\"code\":40");
        assertThat(ping("u=alice&p=enc:zz")).contains("\"code\":40");
    }

    @Test
    void missingCredentialsAreError10() {
        assertThat(ping("")).contains("\"code\":10", "'u'");
        assertThat(ping("u=alice")).contains("\"code\":10");
    }

    @Test
    void apiKeyAloneAuthenticatesAndTokenInfoNamesItsOwner() {
        assertThat(ping("apiKey=" + SubsonicFixture.OWNER_API_KEY)).contains("\"status\":\"ok\"");
        assertThat(fixture.json("/rest/tokenInfo?f=json&c=test&apiKey=" + SubsonicFixture.OWNER_API_KEY))
                .contains("\"tokenInfo\":{\"username\":\"alice\"}");
    }

    @Test
    void apiKeyWithAUsernameIsError43AndAnUnknownKeyError44() {
        assertThat(ping("u=alice&apiKey=" + SubsonicFixture.OWNER_API_KEY)).contains("\"code\":43");
        assertThat(ping("apiKey=nope")).contains("\"code\":44");
    }
}
