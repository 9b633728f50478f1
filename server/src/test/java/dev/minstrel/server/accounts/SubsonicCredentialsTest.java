package dev.minstrel.server.accounts;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SubsonicCredentialsTest {

    private final SubsonicCredentials sam = new SubsonicCredentials(new Account("us-1", "sam", "hash", "sealed",
            Role.FRIEND, false, false, true, Instant.EPOCH), "sesame");

    @Test
    void aTokenIsTheMd5OfPasswordAndSalt() {
        // md5("sesamec19b2d") computed once with coreutils' md5sum
        assertThat(sam.matchesToken("26719a1196d2a940705a59634eb18eab", "c19b2d")).isTrue();
        assertThat(sam.matchesToken("26719A1196D2A940705A59634EB18EAB", "c19b2d")).isTrue();
        assertThat(sam.matchesToken("26719a1196d2a940705a59634eb18eab", "other")).isFalse();
        assertThat(sam.matchesToken(null, "c19b2d")).isFalse();
    }

    @Test
    void itsPrintedFormHidesThePassword() {
        assertThat(sam.toString()).contains("sam").doesNotContain("sesame");
        assertThat(sam.account().toString()).doesNotContain("hash").doesNotContain("sealed");
    }
}
