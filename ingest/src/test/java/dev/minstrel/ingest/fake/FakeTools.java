package dev.minstrel.ingest.fake;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@code bin/} folder holding {@code spotdl} and {@code yt-dlp} wrapper scripts that start the Java
 * fakes with this test run's class path, and the environment given to them. {@code exec} hands
 * signals straight to the fake's JVM.
 */
public final class FakeTools {

    private final Path bin;
    private final Map<String, String> environment = new TreeMap<>();

    public FakeTools(Path dir) {
        this.bin = dir.resolve("bin");
        environment.put("FAKE_SPOTDL_TIME_SCALE", "0.2");
        environment.put("FAKE_SPOTDL_AUDIO_SECONDS", "3");
    }

    public FakeTools env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Writes (or rewrites) the wrappers; only the tools named are installed. */
    public FakeTools install(boolean spotdl, boolean ytDlp) {
        try {
            Files.createDirectories(bin);
            Files.deleteIfExists(bin.resolve("spotdl"));
            Files.deleteIfExists(bin.resolve("yt-dlp"));
            if (spotdl) {
                wrapper("spotdl", FakeSpotdl.class);
            }
            if (ytDlp) {
                wrapper("yt-dlp", FakeYtDlp.class);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PATH with only the fakes' folder and the system's basics: no real spotdl or yt-dlp can be found. */
    public String searchPath() {
        return bin + File.pathSeparator + "/usr/bin" + File.pathSeparator + "/bin";
    }

    public Path bin() {
        return bin;
    }

    private void wrapper(String name, Class<?> main) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StringBuilder script = new StringBuilder("#!/bin/sh\n");
        environment.forEach((key, value) -> script.append("export ").append(key).append("='")
                .append(value.replace("'", "'\\''")).append("'\n"));
        script.append("exec '").append(java).append("' -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx64m -cp '")
                .append(classPath).append("' ").append(main.getName()).append(" \"$@\"\n");
        Path file = bin.resolve(name);
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
