package dev.minstrel.subsonic;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ProtocolTest {

    @TempDir
    static Path dir;
    static SubsonicFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new SubsonicFixture(dir);
    }

    @Test
    void pingAnswersTheOpenSubsonicEnvelopeInXmlByDefault() {
        String body = fixture.get("/rest/ping.view?u=alice&p=sesame&v=1.2.0&c=DSub").expectStatus().isOk()
                .expectHeader().contentType("text/xml;charset=UTF-8")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).isEqualTo("<subsonic-response xmlns=\"http://subsonic.org/restapi\" status=\"ok\" version=\"1.16.1\""
                + " type=\"minstrel\" serverVersion=\"0.1.0\" openSubsonic=\"true\"/>");
    }

    @Test
    void pingAnswersJson() {
        String body = fixture.json(fixture.asOwner("ping", ""));
        assertThat(body).isEqualTo("{\"subsonic-response\":{\"status\":\"ok\",\"version\":\"1.16.1\",\"type\":\"minstrel\","
                + "\"serverVersion\":\"0.1.0\",\"openSubsonic\":true}}");
    }

    @Test
    void jsonpWrapsTheJsonInTheCallback() {
        var result = fixture.get("/rest/ping?u=alice&p=sesame&c=t&f=jsonp&callback=cb").expectStatus().isOk()
                .expectBody(String.class).returnResult();
        assertThat(result.getResponseHeaders().getContentType().toString()).startsWith("application/javascript");
        assertThat(result.getResponseBody()).startsWith("cb({\"subsonic-response\":").endsWith("});");
    }

    @Test
    void jsonpWithAnUnsafeCallbackIsRefusedInJson() {
        String body = fixture.json("/rest/ping?u=alice&p=sesame&c=t&f=jsonp&callback=alert(1)");
        assertThat(body).contains("\"status\":\"failed\"", "\"code\":10");
    }

    @Test
    void openSubsonicExtensionsNeedNoParametersAtAll() {
        String body = fixture.get("/rest/getOpenSubsonicExtensions").expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("<openSubsonicExtensions name=\"formPost\"><versions>1</versions></openSubsonicExtensions>");
        String json = fixture.json("/rest/getOpenSubsonicExtensions?f=json&u=x&p=wrong&t=a&s=b");
        assertThat(json).contains("\"openSubsonicExtensions\":[{\"name\":\"formPost\",\"versions\":[1]}");
    }

    @Test
    void postedFormParametersAreMergedWithTheQuery() {
        String body = fixture.client.post().uri("/rest/getSong.view?f=json&c=test")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("u=alice&p=sesame&id=" + fixture.soWhat.id())
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("\"status\":\"ok\"", "\"title\":\"So What\"");
    }

    @Test
    void missingParameterIsError10() {
        assertThat(fixture.json(fixture.asOwner("getAlbum", ""))).contains("\"code\":10", "'id'");
    }

    @Test
    void unknownIdIsError70() {
        assertThat(fixture.json(fixture.asOwner("getAlbum", "id=al-nothing"))).contains("\"code\":70");
    }

    @Test
    void aNumberThatIsNotOneGetsAClearError() {
        assertThat(fixture.json(fixture.asOwner("getAlbumList2", "type=newest&size=lots")))
                .contains("\"status\":\"failed\"", "\"code\":10", "Parameter 'size' must be a whole number, got 'lots'");
    }

    @Test
    void unknownMethodsAndMissingFeaturesAreSubsonicErrorsOverHttp200() {
        assertThat(fixture.json(fixture.asOwner("getSomethingElse", ""))).contains("\"code\":70", "Unknown API method");
        assertThat(fixture.json(fixture.asOwner("getPodcasts", ""))).contains("\"code\":0", "Podcasts are not available");
    }

    @Test
    void corsHeadersOnEveryResponseAndPreflightAnswered() {
        fixture.get(fixture.asOwner("ping", "")).expectHeader().valueEquals("Access-Control-Allow-Origin", "*");
        fixture.client.options().uri("/rest/stream.view")
                .header("Origin", "https://feishin.example").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "range")
                .exchange().expectStatus().isNoContent()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "*")
                .expectHeader().valueEquals("Access-Control-Allow-Headers", "range")
                .expectHeader().valueEquals("Access-Control-Allow-Methods", "GET, POST, HEAD, OPTIONS");
    }
}
