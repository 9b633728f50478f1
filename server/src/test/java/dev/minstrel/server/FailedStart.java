package dev.minstrel.server;

import org.springframework.boot.SpringApplication;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Starts the server with settings that must stop it, and returns what it printed on stderr. */
public final class FailedStart {

    private FailedStart() {
    }

    public static String output(Path dir, String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[args.length + 2];
            all[0] = "--minstrel.data-dir=" + dir.resolve("data");
            all[1] = "--minstrel.music-dir=" + dir.resolve("music");
            System.arraycopy(args, 0, all, 2, args.length);
            assertThatThrownBy(() -> new SpringApplication(MinstrelApplication.class).run(all));
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
