package dev.minstrel.server.logging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTest {

    @Test
    void subsonicCredentialsInAUrlAreMasked() {
        assertThat(Redaction.redact("500 Server Error for HTTP GET \"/rest/stream?u=sam&p=enc:736563726574&v=1.16.1&c=DSub&id=tr-1\""))
                .isEqualTo("500 Server Error for HTTP GET \"/rest/stream?u=sam&p=***&v=1.16.1&c=DSub&id=tr-1\"");
        assertThat(Redaction.redact("/rest/ping?t=26719a1196d2a940705a59634eb18eab&s=c19b2d&u=sam"))
                .isEqualTo("/rest/ping?t=***&s=***&u=sam");
        assertThat(Redaction.redact("GET /rest/ping?apiKey=abc123")).isEqualTo("GET /rest/ping?apiKey=***");
    }

    @Test
    void jsonPasswordsKeysAndCodesAreMasked() {
        assertThat(Redaction.redact("{\"username\":\"sam\",\"password\": \"hunter2 \\\"x\\\"\"}"))
                .isEqualTo("{\"username\":\"sam\",\"password\":\"***\"}");
        assertThat(Redaction.redact("key msk_AbC-12_x and Authorization: Bearer eyJhbGci.x.y"))
                .isEqualTo("key msk_*** and Authorization: Bearer ***");
        assertThat(Redaction.redact("DELETE /api/invites/h46O_ryicreEiXO9 and /join.html#h46O_ryicreEiXO9"))
                .isEqualTo("DELETE /api/invites/*** and /join.html#***");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        String text = "library scan done: 300 tracks, 2 unreadable files, 54 ms (songs=3, ts=4)";
        assertThat(Redaction.redact(text)).isEqualTo(text);
    }
}
