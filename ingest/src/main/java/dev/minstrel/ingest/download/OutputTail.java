package dev.minstrel.ingest.download;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * The last lines a downloader printed, kept with the job so the owner can read the tool's own words
 * when a plain-words reason is not enough. Padding is stripped, blank lines and a line already in
 * the tail are dropped (spotDL prints most lines on both streams), and the secrets the tool was
 * given never reach the tail.
 */
public final class OutputTail {

    private static final int MAX_LINE = 300;

    private final int size;
    private final List<String> secrets;
    private final Deque<String> lines = new ArrayDeque<>();

    /** @param secrets values to blank out wherever they appear (nulls are ignored) */
    public OutputTail(int size, List<String> secrets) {
        this.size = size;
        this.secrets = secrets.stream().filter(Objects::nonNull).filter(s -> !s.isBlank()).toList();
    }

    public synchronized void accept(String raw) {
        String line = raw.strip();
        for (String secret : secrets) {
            line = line.replace(secret, "***");
        }
        if (line.isEmpty() || lines.contains(line)) {
            return;
        }
        if (line.length() > MAX_LINE) {
            line = line.substring(0, MAX_LINE) + "…";
        }
        lines.addLast(line);
        while (lines.size() > size) {
            lines.removeFirst();
        }
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
