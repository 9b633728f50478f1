package dev.minstrel.ingest.download;

import dev.minstrel.ingest.link.Link;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * yt-dlp's output as {@link YtDlpDownloader} asks for it: tab-separated ITEM / PROG / FILE lines on
 * stdout, and its own line for a video skipped as recorded in the download archive (in the library);
 * {@code ERROR:} lines on stderr. Exit 1 means some video failed; each failure was named.
 */
public final class YtDlpOutputParser implements OutputParser {

    static final String ITEM = "MINSTREL-ITEM";
    static final String PROGRESS = "MINSTREL-PROG";
    static final String FILE = "MINSTREL-FILE";
    /** "[download] dQw4w9WgXcQ: has already been recorded in the archive" */
    private static final Pattern IN_ARCHIVE = Pattern.compile("\\[download] ([A-Za-z0-9_-]{11}): has already been recorded in the archive");

    private final Consumer<DownloadEvent> events;
    private final Map<String, Double> durations = new HashMap<>();
    private final Map<String, Integer> lastPercent = new HashMap<>();
    private Failure lastError;
    private int failures;
    /** yt-dlp warns once that it has no JavaScript runtime; the errors that follow are its consequence. */
    private String noJavaScriptRuntime;

    public YtDlpOutputParser(Consumer<DownloadEvent> events) {
        this.events = events;
    }

    @Override
    public synchronized void stdout(String raw) {
        String[] fields = raw.strip().split("\t");
        switch (fields[0]) {
            case ITEM -> {
                if (fields.length >= 5) {
                    durations.put(fields[1], parseDouble(fields[2]));
                    String artist = fields[3].isBlank() || fields[3].equals("NA") ? null : fields[3];
                    events.accept(new DownloadEvent.SongProgress(fields[1], artist, fields[4], 5));
                }
            }
            case PROGRESS -> {
                if (fields.length >= 4) {
                    double done = parseDouble(fields[2]);
                    double total = parseDouble(fields[3]);
                    int percent = total > 0 ? (int) Math.min(80, 5 + 75 * done / total) : 5;
                    Integer previous = lastPercent.put(fields[1], percent);
                    if (previous == null || percent - previous >= 1) {
                        events.accept(new DownloadEvent.SongProgress(fields[1], null, null, percent));
                    }
                }
            }
            case FILE -> {
                if (fields.length >= 3) {
                    events.accept(new DownloadEvent.SongFile(fields[1], Path.of(fields[2]),
                            durations.getOrDefault(fields[1], 0.0)));
                }
            }
            default -> {
                Matcher skipped = IN_ARCHIVE.matcher(raw.strip());
                if (skipped.matches()) {
                    events.accept(new DownloadEvent.SongInLibrary(skipped.group(1), Link.youTubeVideo(skipped.group(1))));
                }
                // other status lines: nothing we need
            }
        }
    }

    @Override
    public synchronized void stderr(String raw) {
        String line = raw.strip();
        if (Causes.saysNoJavaScriptRuntime(line)) {
            noJavaScriptRuntime = line;
        }
        if (!line.startsWith("ERROR:")) {
            return;
        }
        String message = line.substring("ERROR:".length()).strip();
        Failure failure = classify(message, noJavaScriptRuntime);
        lastError = failure;
        failures++;
        events.accept(new DownloadEvent.SongFailed(videoId(message), failure));
    }

    /** "[youtube] dQw4w9WgXcQ: Video unavailable" names the video. */
    private static String videoId(String message) {
        if (message.startsWith("[")) {
            int close = message.indexOf("] ");
            int colon = message.indexOf(':', close + 2);
            if (close > 0 && colon > close) {
                return message.substring(close + 2, colon);
            }
        }
        return null;
    }

    /** @param noJavaScriptRuntime yt-dlp's warning that it has no JavaScript runtime, or null */
    static Failure classify(String message, String noJavaScriptRuntime) {
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("ffmpeg") && lower.contains("not found")) {
            return Failure.permanent(Tool.FFMPEG_MISSING);
        }
        if (Causes.saysDiskFull(message)) {
            return Causes.diskFull("yt-dlp: " + message);
        }
        if (lower.contains("unavailable") || lower.contains("private video") || lower.contains("removed")
                || lower.contains("confirm your age") || lower.contains("unsupported url") || lower.contains("does not exist")) {
            return Failure.permanent("The video cannot be downloaded. yt-dlp: " + message);
        }
        if (Causes.saysBotCheck(message)) {
            return Causes.youTubeBotCheck("yt-dlp", message);
        }
        if (noJavaScriptRuntime != null || Causes.saysNoJavaScriptRuntime(message)) {
            return Causes.javaScriptRuntimeMissing("yt-dlp", message);
        }
        if (lower.contains("429") || lower.contains("too many requests")) {
            return Failure.temporary("YouTube is rate limiting requests (HTTP 429); the job will be retried. yt-dlp: " + message);
        }
        if (lower.contains("timed out") || lower.contains("unable to download") || lower.contains("connection")
                || lower.contains("network")) {
            return Failure.temporary("YouTube could not be reached; the job will be retried. yt-dlp: " + message);
        }
        return Failure.temporary("yt-dlp failed: " + message);
    }

    @Override
    public synchronized Optional<Failure> fatal(int exitCode) {
        if (exitCode == 0) {
            return Optional.empty();
        }
        if (exitCode == 2) {
            return Optional.of(Failure.permanent("yt-dlp rejected its command line (exit 2): is it up to date?"));
        }
        if (exitCode == 1 && failures > 0 && lastError != null) {
            return Optional.empty(); // each failed video was reported on its own
        }
        return Optional.of(lastError != null ? lastError
                : Failure.temporary("yt-dlp stopped unexpectedly (exit code " + exitCode + ")"));
    }

    private static double parseDouble(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
