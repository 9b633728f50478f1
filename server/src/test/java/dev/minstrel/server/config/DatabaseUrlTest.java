package dev.minstrel.server.config;

import dev.minstrel.server.config.DatabaseUrl.InvalidDatabaseUrlException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseUrlTest {

    @Test
    void aPsqlStyleUrlGivesDriverUrlsWithoutTheCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://minstrel:s3cret@db.home.arpa:5433/music");

        assertThat(url.user()).isEqualTo("minstrel");
        assertThat(url.password()).isEqualTo("s3cret");
        assertThat(url.r2dbcUrl()).isEqualTo("r2dbc:postgresql://db.home.arpa:5433/music");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.home.arpa:5433/music");
        assertThat(url).hasToString("postgresql://minstrel@db.home.arpa:5433/music");
    }

    @Test
    void thePortDefaultsToPostgresqlsAndThePasswordToNone() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://minstrel@localhost/minstrel");

        assertThat(url.port()).isEqualTo(5432);
        assertThat(url.password()).isEmpty();
    }

    @Test
    void percentEscapesInTheCredentialsAreDecoded() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://me:p%40ss%3Aw%2Frd+1@[::1]:5432/db");

        assertThat(url.password()).isEqualTo("p@ss:w/rd+1");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5432/db");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "mysql://me:hunter22@host/db",
            "postgresql://me:hunter22@host",
            "postgresql://me:hunter22@host/",
            "postgresql://host/db",
            "postgresql://:hunter22@host/db",
            "postgresql://me:hunter22@host/db?sslmode=require",
            "postgresql://me:hunter22@/db",
            "postgresql://me:hunter 22@host/db",
            "host:5432/db",
    })
    void aUrlThatNamesNoDatabaseIsRefusedWithoutQuotingThePassword(String value) {
        assertThatThrownBy(() -> DatabaseUrl.parse(value))
                .isInstanceOf(InvalidDatabaseUrlException.class)
                .hasMessageStartingWith("minstrel.database.url: ")
                .hasMessageContaining("postgresql://user[:password]@host[:port]/database")
                .hasMessageNotContaining("hunter22");
    }
}
