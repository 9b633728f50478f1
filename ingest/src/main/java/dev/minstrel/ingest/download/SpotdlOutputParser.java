package dev.minstrel.ingest.download;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * spotDL's output (v4, {@code --simple-tui}, piped): right-padded lines on stdout, the same lines
 * again on stderr once something logged through the root logger, no byte progress, no file paths,
 * exit 0 even when every song failed. Per-song errors become item failures; the last error before a
 * non-zero exit is the run's failure.
 */
public final class SpotdlOutputParser implements OutputParser {

    private static final Pattern FOUND = Pattern.compile("Found (\\d+) songs? in (.+) \\((?:Playlist|Album|Artist|Saved)\\)");
    private static final Pattern STEP = Pattern.compile("(.+ - .+): (Downloading|Embedding metadata|Done|Skipped)");
    private static final Pattern DOWNLOADED = Pattern.compile("Downloaded \"(.+)\": (\\S+)");
    private static final Pattern SKIPPING = Pattern.compile("Skipping (.+) \\((?:file already exists|duplicate)\\)");
    private static final Pattern ERROR = Pattern.compile("([A-Z][A-Za-z]*(?:Error|Exception)): (.*)");
    private static final Pattern RATE_LIMIT = Pattern.compile("rate/request limit\\. Retry will occur after: (\\d+)");
    private static final Pattern NO_SONG = Pattern.compile("No results found for song: (.+)");
    private static final Pattern FFMPEG_CONVERT = Pattern.compile("Failed to convert (.+?), you can find error here.*");
    private static final Pattern NOISE = Pattern.compile("\\d+/\\d+ complete|Processing query: .*|An error occurred|[\\u2500-\\u257F].*");

    private final Consumer<DownloadEvent> events;
    private final Deque<String> inFlight = new ArrayDeque<>();
    private String lastError;
    private boolean lastLineWasError;

    public SpotdlOutputParser(Consumer<DownloadEvent> events) {
        this.events = events;
    }

    @Override
    public synchronized void stdout(String raw) {
        String line = raw.strip();
        if (line.isEmpty()) {
            lastLineWasError = false;
            return;
        }
        Matcher m;
        if ((m = RATE_LIMIT.matcher(line)).find()) {
            events.accept(new DownloadEvent.RateLimited(Long.parseLong(m.group(1))));
        } else if ((m = FOUND.matcher(line)).matches()) {
            events.accept(new DownloadEvent.ListFound(Integer.parseInt(m.group(1)), m.group(2)));
        } else if ((m = DOWNLOADED.matcher(line)).matches()) {
            inFlight.remove(m.group(1));
            song(m.group(1), DownloadEvent.SongProgress.DOWNLOADED);
        } else if ((m = SKIPPING.matcher(line)).matches()) {
            song(m.group(1), DownloadEvent.SongProgress.DOWNLOADED);
        } else if ((m = STEP.matcher(line)).matches()) {
            String name = m.group(1);
            switch (m.group(2)) {
                case "Downloading" -> {
                    inFlight.remove(name);
                    inFlight.addLast(name);
                    song(name, 10);
                }
                case "Embedding metadata" -> song(name, 70);
                default -> {
                    inFlight.remove(name);
                    song(name, 85);
                }
            }
        } else if ((m = ERROR.matcher(line)).matches()) {
            error(m.group(1), m.group(2));
            return;
        } else if (lastLineWasError && !NOISE.matcher(line).matches()) {
            lastError = lastError + " " + line; // a message wrapped at the terminal width
            return;
        }
        lastLineWasError = false;
    }

    @Override
    public synchronized void stderr(String raw) {
        String line = raw.strip();
        Matcher m = RATE_LIMIT.matcher(line);
        if (m.find()) {
            events.accept(new DownloadEvent.RateLimited(Long.parseLong(m.group(1))));
        }
        // every other stderr line repeats a stdout line (as INFO:spotdl...:msg), or is a traceback
    }

    private void song(String name, int percent) {
        int dash = name.indexOf(" - ");
        events.accept(new DownloadEvent.SongProgress(name, name.substring(0, dash), name.substring(dash + 3), percent));
    }

    private void error(String type, String message) {
        lastError = type + ": " + message;
        lastLineWasError = true;
        Matcher m;
        if (type.equals("LookupError") && (m = NO_SONG.matcher(message)).matches()) {
            inFlight.remove(m.group(1));
            events.accept(new DownloadEvent.SongFailed(m.group(1),
                    Failure.permanent("No match for this song on YouTube Music (spotDL: " + message + ")")));
        } else if (type.equals("AudioProviderError")) {
            events.accept(new DownloadEvent.SongFailed(inFlight.size() == 1 ? inFlight.poll() : null,
                    Failure.temporary("YouTube refused the download (bot check, age gate or network); "
                            + "it will be retried. spotDL: " + message)));
        } else if (type.equals("FFmpegError") && (m = FFMPEG_CONVERT.matcher(message)).matches()) {
            inFlight.remove(m.group(1));
            events.accept(new DownloadEvent.SongFailed(m.group(1),
                    Failure.temporary("FFmpeg could not convert the download. spotDL: " + message)));
        } else if (type.equals("MetadataError")) {
            events.accept(new DownloadEvent.SongFailed(inFlight.size() == 1 ? inFlight.poll() : null,
                    Failure.temporary("spotDL could not tag the file. spotDL: " + message)));
        }
    }

    @Override
    public synchronized Optional<Failure> fatal(int exitCode) {
        if (exitCode == 0) {
            return Optional.empty();
        }
        if (exitCode == 2) {
            return Optional.of(Failure.permanent("spotDL rejected its command line (exit 2): is it spotDL 4?"));
        }
        if (lastError == null) {
            return Optional.of(Failure.temporary("spotDL stopped unexpectedly (exit code " + exitCode + ")"));
        }
        return Optional.of(classify(lastError));
    }

    static Failure classify(String error) {
        if (error.contains("FFmpeg is not installed")) {
            return Failure.permanent(Tool.FFMPEG_MISSING);
        }
        if (error.contains("429") || error.contains("rate/request limit")) {
            return Failure.temporary("Spotify is rate limiting requests (HTTP 429); the job will be retried. "
                    + "Using your own Spotify client id and secret helps. spotDL: " + error);
        }
        if (error.startsWith("SongError") || error.contains("No results found")) {
            return Failure.permanent("Nothing was found for this link. spotDL: " + error);
        }
        if (error.startsWith("ConnectionError") || error.contains("Max retries exceeded")) {
            return Failure.temporary("No network: spotDL could not reach YouTube Music; the job will be retried.");
        }
        if (error.contains("blocked by YouTube Music")) {
            return Failure.temporary("YouTube Music refused the connection (blocked or offline); the job will be retried.");
        }
        if (error.contains("403")) {
            return Failure.permanent("Spotify refused the request (HTTP 403): spotDL may need updating. spotDL: " + error);
        }
        return Failure.temporary("spotDL failed: " + error);
    }
}
