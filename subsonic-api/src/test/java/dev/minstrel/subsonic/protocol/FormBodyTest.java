package dev.minstrel.subsonic.protocol;

import dev.minstrel.subsonic.SubsonicFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Form bodies (the formPost extension) cost memory, so they are bounded and, when the query
 * already names the caller, read only once the caller is known.
 */
class FormBodyTest {

    @TempDir
    static Path dir;
    static SubsonicFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new SubsonicFixture(dir);
    }

    /** A body that records whether anyone started reading it. */
    private static Flux<DataBuffer> watched(String text, AtomicBoolean read) {
        return Flux.defer(() -> {
            read.set(true);
            return Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(text.getBytes(StandardCharsets.UTF_8)));
        });
    }

    private static String post(String uri, Flux<DataBuffer> body, long contentLength) {
        return fixture.client.post().uri(uri).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .headers(h -> {
                    if (contentLength >= 0) {
                        h.setContentLength(contentLength);
                    }
                })
                .body(body, DataBuffer.class).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void theFormLimitIsSmallByDefault() {
        assertThat(SubsonicSettings.DEFAULTS.maxFormBytes()).isLessThanOrEqualTo(256 * 1024);
    }

    @Test
    void aBodyAnnouncedLargerThanTheLimitIsRefusedWithoutReadingIt() {
        AtomicBoolean read = new AtomicBoolean();
        String body = post("/rest/ping?f=json", watched("u=alice&p=sesame", read), 10_000_000);

        assertThat(body).contains("\"status\":\"failed\"").contains("larger than");
        assertThat(read).isFalse();
    }

    @Test
    void aBodyLargerThanTheLimitWithoutALengthIsCutOff() {
        String huge = "u=alice&p=sesame&x=" + "a".repeat(SubsonicSettings.DEFAULTS.maxFormBytes());
        String body = post("/rest/ping?f=json", Flux.just(DefaultDataBufferFactory.sharedInstance
                .wrap(huge.getBytes(StandardCharsets.UTF_8))), -1);

        assertThat(body).contains("\"status\":\"failed\"").contains("larger than");
    }

    @Test
    void wrongCredentialsInTheQueryAreRefusedBeforeTheBodyIsRead() {
        AtomicBoolean read = new AtomicBoolean();
        String body = post("/rest/getSong?f=json&u=alice&p=wrong", watched("id=" + fixture.soWhat.id(), read), -1);

        assertThat(body).contains("\"code\":40");
        assertThat(read).isFalse();
    }

    @Test
    void rightCredentialsInTheQueryLetTheBodyBeRead() {
        AtomicBoolean read = new AtomicBoolean();
        String body = post("/rest/getSong?f=json&u=alice&p=sesame", watched("id=" + fixture.soWhat.id(), read), -1);

        assertThat(body).contains("\"status\":\"ok\"", "\"title\":\"So What\"");
        assertThat(read).isTrue();
    }

    @Test
    void credentialsInTheBodyStillWork() {
        String body = post("/rest/getSong?f=json", watched("u=alice&p=sesame&id=" + fixture.soWhat.id(),
                new AtomicBoolean()), -1);

        assertThat(body).contains("\"status\":\"ok\"");
    }

    @Test
    void aMalformedBodyIsExplainedInPlainWords() {
        String body = post("/rest/ping?f=json", watched("u=alice&p=sesame&title=100%", new AtomicBoolean()), -1);

        assertThat(body).contains("\"status\":\"failed\"").contains("%25").doesNotContain("URLDecoder")
                .doesNotContainPattern("[A-Z][a-z]+(Exception|Decoder)");
    }
}
