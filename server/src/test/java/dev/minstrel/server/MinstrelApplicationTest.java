package dev.minstrel.server;

import dev.minstrel.server.accounts.Accounts;
import dev.minstrel.server.db.ScratchDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** The application as the README starts it: embedded H2 under the data directory. */
public class MinstrelApplicationTest {

    /**
     * Set (to anything), every application the tests start runs on a PostgreSQL database of its
     * folder's own (a restart on the same folder finds its data again), dropped when the tests end:
     * {@code -Dminstrel.test.postgresql=true} runs the server's tests on PostgreSQL instead of H2.
     */
    static final String ON_POSTGRESQL = "minstrel.test.postgresql";

    /** Starts the application on a free port with its folders under {@code dir}. */
    public static ConfigurableApplicationContext start(Path dir, String... extra) {
        return start(dir, null, extra);
    }

    /** As {@link #start(Path, String...)}, with {@code clock} (when not null) as the application's clock. */
    public static ConfigurableApplicationContext start(Path dir, Clock clock, String... extra) {
        String[] base = {
                "--minstrel.data-dir=" + dir.resolve("data"),
                "--minstrel.music-dir=" + dir.resolve("music"),
                "--server.port=0",
        };
        ScratchDatabase database = System.getProperty(ON_POSTGRESQL) != null ? ScratchDatabase.forFolder(dir) : null;
        String[] args = new String[base.length + extra.length + (database != null ? 1 : 0)];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        if (database != null) {
            args[args.length - 1] = "--minstrel.database.url=" + database.url();
        }
        SpringApplication application = new SpringApplication(MinstrelApplication.class);

        if (clock != null) {
            application.addInitializers(context -> ((GenericApplicationContext) context)
                    .registerBean("testClock", Clock.class, () -> clock, bean -> bean.setPrimary(true)));
        }
        return application.run(args);
    }

    @Test
    void firstStartCreatesTheOwnerWithTheConfiguredPasswordNeverStoredInClear(@TempDir Path dir) throws Exception {
        try (var context = start(dir, "--minstrel.owner.username=alice", "--minstrel.owner.password=Tr0ub4dor&3x")) {
            Accounts accounts = context.getBean(Accounts.class);

            var owner = accounts.authenticate("alice", "Tr0ub4dor&3x").block();
            assertThat(owner).isNotNull();
            assertThat(owner.isOwner()).isTrue();
            assertThat(accounts.authenticate("alice", "wrong").block()).isNull();
            assertThat(accounts.password(owner)).isEqualTo("Tr0ub4dor&3x");
        }
        assertThat(dir.resolve("music")).isDirectory();
        Path database = dir.resolve("data/minstrel.mv.db");
        assertThat(database).isRegularFile();
        assertThat(new String(Files.readAllBytes(database), StandardCharsets.ISO_8859_1))
                .doesNotContain("Tr0ub4dor&3x");
    }

    @Test
    void minstrelPortChoosesTheHttpPort(@TempDir Path dir) throws Exception {
        int free;
        try (var socket = new ServerSocket(0)) {
            free = socket.getLocalPort();
        }
        try (var context = new SpringApplication(MinstrelApplication.class).run(
                "--minstrel.data-dir=" + dir.resolve("data"), "--minstrel.music-dir=" + dir.resolve("music"),
                "--minstrel.port=" + free)) {
            assertThat(context.getEnvironment().getProperty("local.server.port")).isEqualTo(Integer.toString(free));
        }
    }

    @Test
    void aRestartKeepsTheOwnerAndCreatesNoSecond(@TempDir Path dir) {
        try (var context = start(dir, "--minstrel.owner.password=first-password")) {
            assertThat(context.getBean(Accounts.class).store().all().collectList().block()).hasSize(1);
        }
        try (var context = start(dir, "--minstrel.owner.password=other-password")) {
            Accounts accounts = context.getBean(Accounts.class);
            assertThat(accounts.store().all().collectList().block()).hasSize(1);
            assertThat(accounts.authenticate("owner", "first-password").block()).isNotNull();
        }
    }
}
