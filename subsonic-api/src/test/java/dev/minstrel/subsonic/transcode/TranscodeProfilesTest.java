package dev.minstrel.subsonic.transcode;

import dev.minstrel.subsonic.SubsonicFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TranscodeProfilesTest {

    @TempDir
    Path dir;

    DatabaseClient db;
    TranscodeProfiles profiles;

    @BeforeEach
    void migratedDatabase() {
        db = SubsonicFixture.migratedDatabase(dir.resolve("minstrel"));
        profiles = new TranscodeProfiles(db,
                TransactionalOperator.create(new R2dbcTransactionManager(db.getConnectionFactory())),
                Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void settingAProfileAgainForTheSameUserAndAppReplacesIt() {
        profiles.put("u1", "Symfonium", AudioFormat.OPUS, 128).block();
        TranscodeProfile replacement = profiles.put("u1", "symfonium", AudioFormat.MP3, 192).block();

        assertThat(profiles.all().block()).containsExactly(replacement);
        assertThat(profiles.forCall("u1", "SYMFONIUM").block()).hasValue(replacement);
    }

    @Test
    void aReplacementThatCannotBeStoredLeavesTheProfileItWouldHaveReplaced() {
        TranscodeProfile kept = profiles.put("u1", "Symfonium", AudioFormat.OPUS, 128).block();
        // the database refuses the new row after the old one was deleted in the same call
        db.sql("ALTER TABLE subsonic_transcode_profile ADD CONSTRAINT refuse_999 CHECK (max_bit_rate <> 999)")
                .then().block();

        assertThatThrownBy(() -> profiles.put("u1", "Symfonium", AudioFormat.MP3, 999).block())
                .hasMessageContaining("REFUSE_999");

        assertThat(profiles.all().block()).containsExactly(kept);
        assertThat(db.sql("SELECT COUNT(*) AS n FROM subsonic_transcode_profile").map(row -> row.get("n", Long.class))
                .one().block()).isEqualTo(1L);
    }
}
