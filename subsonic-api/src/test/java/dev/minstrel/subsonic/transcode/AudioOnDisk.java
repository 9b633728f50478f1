package dev.minstrel.subsonic.transcode;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Real audio made and measured by the machine's ffmpeg and ffprobe: a tone of some seconds in a
 * given codec, and what ffprobe says of a file (codec, container, duration, bit rate).
 */
public final class AudioOnDisk {

    private AudioOnDisk() {
    }

    /** A stereo 44.1 kHz tone of {@code seconds}, encoded with ffmpeg's {@code encoder} arguments, tagged. */
    public static Path tone(Path file, int seconds, String title, String... encoder) {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100:duration=" + seconds,
                "-f", "lavfi", "-i", "sine=frequency=660:sample_rate=44100:duration=" + seconds,
                "-filter_complex", "[0:a][1:a]amerge=inputs=2[a]", "-map", "[a]",
                "-metadata", "title=" + title, "-metadata", "artist=Tone Generator", "-metadata", "album=Tones"));
        command.addAll(List.of(encoder));
        command.add(file.toString());
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(command);
        return file;
    }

    /** What ffprobe reports of a file's first audio stream and its container. */
    public record Probe(String codec, String container, double seconds, long streamBitRate, long size) {

        /** The average bit rate in kbit/s over the whole file, as a player on a slow link feels it. */
        public double averageKbps() {
            return size * 8 / seconds / 1000;
        }
    }

    public static Probe probe(Path file) {
        String json = run(List.of("ffprobe", "-v", "error", "-select_streams", "a:0",
                "-show_entries", "stream=codec_name,bit_rate:format=format_name,duration,size", "-of", "json",
                file.toString()));
        var root = JsonMapper.builder().build().readTree(json);
        var stream = root.path("streams").path(0);
        var format = root.path("format");
        return new Probe(stream.path("codec_name").asString(), format.path("format_name").asString(),
                format.path("duration").asDouble(), stream.path("bit_rate").asLong(0), format.path("size").asLong());
    }

    public static Probe probe(byte[] bytes, Path dir) {
        try {
            Path file = Files.createTempFile(dir, "probe-", ".bin");
            Files.write(file, bytes);
            return probe(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException(command.get(0) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
