package dev.minstrel.server.db;

import dev.minstrel.server.FailedStart;
import dev.minstrel.server.api.ApiTestServer;
import dev.minstrel.server.api.Visitor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code minstrel.database.url} runs the whole server on PostgreSQL (this machine's, at
 * 127.0.0.1:5432, each test on a database of its own). Runs with -Pservices; fails when PostgreSQL
 * is down. The server's other tests run on PostgreSQL too with {@code -Dminstrel.test.postgresql=true}.
 */
@Tag("services")
class PostgresServerTest {

    @Test
    void theServerKeepsItsAccountsAndPlaylistsInPostgresqlAndNothingInTheDataFolder(@TempDir Path dir) throws Exception {
        try (ScratchDatabase database = ScratchDatabase.create()) {
            String setting = "--minstrel.database.url=" + database.url();
            try (ApiTestServer server = new ApiTestServer(dir, setting)) {
                Visitor friend = server.friend("robin", "robin-password-1");
                assertThat(friend.get("/api/me").json("$.username").toString()).isEqualTo("robin");
            }
            try (ApiTestServer again = new ApiTestServer(dir, setting);
                 Connection connection = database.connect();
                 ResultSet accounts = connection.createStatement().executeQuery(
                         "SELECT username FROM account ORDER BY username")) {
                assertThat(again.visitor().login("robin", "robin-password-1").status())
                        .as("the account outlives the restart").isEqualTo(200);
                List<String> names = new ArrayList<>();
                while (accounts.next()) {
                    names.add(accounts.getString(1));
                }
                assertThat(names).containsExactly("owner", "robin");
            }
            assertThat(dir.resolve("data/minstrel.mv.db")).as("no embedded database beside it").doesNotExist();
        }
    }

    @Test
    void aDatabaseThatDoesNotExistIsNamedInOneLine(@TempDir Path dir) {
        String output = FailedStart.output(dir, "--minstrel.database.url=postgresql://postgres:not-needed-pw@127.0.0.1:5432/minstrel_no_such_database");

        assertThat(output.lines().filter(l -> l.startsWith("Minstrel cannot start:"))).singleElement().asString()
                .contains("minstrel.database.url", "127.0.0.1:5432", "minstrel_no_such_database", "does not exist");
        assertThat(output).doesNotContain("\tat ").doesNotContain("not-needed-pw");
    }

}
