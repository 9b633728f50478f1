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
    /** What the yt-dlp inside spotDL said on stderr: it explains the bare "YT-DLP download error" that follows. */
    private String youTubeBotCheck;
    private String noJavaScriptRuntime;
    private String diskFull;

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
        } else if (Causes.saysBotCheck(line)) {
            youTubeBotCheck = line;
        } else if (Causes.saysNoJavaScriptRuntime(line)) {
            noJavaScriptRuntime = line;
        } else if (Causes.saysDiskFull(line)) {
            diskFull = line;
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
            events.accept(new DownloadEvent.SongFailed(m.group(1), Causes.noMatch(message)));
        } else if (type.equals("AudioProviderError")) {
            events.accept(new DownloadEvent.SongFailed(inFlight.size() == 1 ? inFlight.poll() : null,
                    providerFailure(message)));
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
            return Optional.of(diskFull != null ? Causes.diskFull("spotDL: " + diskFull)
                    : Failure.temporary("spotDL stopped unexpectedly (exit code " + exitCode + ")"));
        }
        return Optional.of(classify(lastError));
    }

    /** A song YouTube would not give spotDL: the yt-dlp lines on stderr before it say why, when they do. */
    private Failure providerFailure(String message) {
        if (diskFull != null) {
            return Causes.diskFull("spotDL: " + diskFull);
        }
        if (noJavaScriptRuntime != null || Causes.saysNoJavaScriptRuntime(message)) {
            return Causes.javaScriptRuntimeMissing("spotDL", noJavaScriptRuntime != null ? noJavaScriptRuntime : message);
        }
        if (youTubeBotCheck != null || Causes.saysBotCheck(message)) {
            return Causes.youTubeBotCheck("spotDL", youTubeBotCheck != null ? youTubeBotCheck : message);
        }
        return Failure.temporary("YouTube refused the download (age gate or network); it will be retried. spotDL: " + message);
    }

    static Failure classify(String error) {
        if (error.contains("FFmpeg is not installed")) {
            return Failure.permanent(Tool.FFMPEG_MISSING);
        }
        if (Causes.saysDiskFull(error)) {
            return Causes.diskFull("spotDL: " + error);
        }
        if (error.contains("429") || error.contains("rate/request limit")) {
            return Causes.spotifyRateLimited(error);
        }
        if (error.contains("http status: 403") || error.startsWith("SpotifyException") && error.contains("403")) {
            return Causes.spotifyRefused(error);
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
        return Failure.temporary("spotDL failed: " + error);
    }
}
