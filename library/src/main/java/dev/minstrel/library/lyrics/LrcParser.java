package dev.minstrel.library.lyrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses lyrics text. LRC lines carry one or more {@code [mm:ss.xx]} stamps (the line is repeated
 * at each); {@code [ar:]}, {@code [ti:]}, {@code [la:]} and {@code [offset:]} headers are honoured.
 * Text without any stamp is plain, unsynced lyrics.
 */
public final class LrcParser {

    private static final Pattern STAMP = Pattern.compile("\\[(\\d{1,3}):(\\d{1,2})(?:[.:](\\d{1,3}))?]");
    private static final Pattern HEADER = Pattern.compile("^\\[([a-zA-Z]+):(.*)]\\s*$");

    private LrcParser() {
    }

    /** @param artist and {@code title} are used unless the text names its own */
    public static Lyrics parse(String text, String artist, String title) {
        String lang = "xxx";
        long offset = 0;
        List<Lyrics.Line> synced = new ArrayList<>();
        List<Lyrics.Line> plain = new ArrayList<>();
        for (String raw : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            String line = raw.strip();
            Matcher header = HEADER.matcher(line);
            if (header.matches() && !STAMP.matcher(line).lookingAt()) {
                String value = header.group(2).strip();
                switch (header.group(1).toLowerCase(Locale.ROOT)) {
                    case "ar" -> artist = value.isEmpty() ? artist : value;
                    case "ti" -> title = value.isEmpty() ? title : value;
                    case "la", "lang" -> lang = value.isEmpty() ? lang : value;
                    case "offset" -> offset = parseOffset(value);
                    default -> {
                        // [al:], [by:], [length:] ... say nothing Minstrel shows
                    }
                }
                continue;
            }
            Matcher stamp = STAMP.matcher(line);
            List<Long> times = new ArrayList<>();
            int end = 0;
            while (stamp.find(end) && stamp.start() == end) {
                times.add(millis(stamp));
                end = stamp.end();
            }
            String lyric = line.substring(end).strip();
            if (times.isEmpty()) {
                plain.add(new Lyrics.Line(null, lyric));
            } else {
                for (long time : times) {
                    synced.add(new Lyrics.Line(Math.max(0, time - offset), lyric));
                }
            }
        }
        if (!synced.isEmpty()) {
            synced.sort(Comparator.comparing(Lyrics.Line::startMillis));
            return new Lyrics(artist, title, lang, true, List.copyOf(synced));
        }
        return new Lyrics(artist, title, lang, false, trimBlankEnds(plain));
    }

    private static long millis(Matcher stamp) {
        long minutes = Long.parseLong(stamp.group(1));
        long seconds = Long.parseLong(stamp.group(2));
        String fraction = stamp.group(3);
        long millis = 0;
        if (fraction != null) {
            millis = switch (fraction.length()) {
                case 1 -> Long.parseLong(fraction) * 100;
                case 2 -> Long.parseLong(fraction) * 10;
                default -> Long.parseLong(fraction);
            };
        }
        return (minutes * 60 + seconds) * 1000 + millis;
    }

    private static long parseOffset(String value) {
        try {
            return Long.parseLong(value.replace("+", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static List<Lyrics.Line> trimBlankEnds(List<Lyrics.Line> lines) {
        int from = 0;
        int to = lines.size();
        while (from < to && lines.get(from).text().isEmpty()) {
            from++;
        }
        while (to > from && lines.get(to - 1).text().isEmpty()) {
            to--;
        }
        return List.copyOf(lines.subList(from, to));
    }
}
