package dev.minstrel.server.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void theRightPasswordMatchesAndAWrongOneDoesNot() {
        String hash = hasher.hash("s3cret pässword");

        assertThat(hash).startsWith("pbkdf2-sha256$").doesNotContain("s3cret");
        assertThat(hasher.matches("s3cret pässword", hash)).isTrue();
        assertThat(hasher.matches("s3cret password", hash)).isFalse();
    }

    @Test
    void aForeignOrDamagedHashMatchesNothing() {
        assertThat(hasher.matches("x", "md5$abc")).isFalse();
        assertThat(hasher.matches("x", "")).isFalse();
    }
}
