package dev.minstrel.analytics.imports;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the export files a user may bring, telling them apart by their first character:
 * <ul>
 *   <li><b>ListenBrainz</b>: a JSON array of listens (Minstrel's own export, ListenBrainz's API),
 *       or JSON Lines, one listen per line (the {@code listens/*.jsonl} files of ListenBrainz's
 *       export zip): {@code listened_at} (seconds), {@code track_metadata.artist_name},
 *       {@code track_name}, optional {@code release_name}, {@code additional_info.duration_ms}
 *       (or {@code duration}, seconds), {@code additional_info.recording_mbid} or
 *       {@code mbid_mapping.recording_mbid}, {@code additional_info.media_player};</li>
 *   <li><b>Last.fm API JSON</b>: a page of {@code user.getRecentTracks} ({@code {"recenttracks":
 *       {"track": [...]}}}), several such pages one after the other or in an array;
 *       {@code date.uts}, {@code artist["#text"]} (or {@code artist.name}), {@code name},
 *       {@code album["#text"]}, {@code mbid}; the track playing now (no date) is left out;</li>
 *   <li><b>Last.fm CSV</b> (as lastfm-to-csv writes it): {@code artist,album,track,date}, no header,
 *       the date as {@code 31 Jan 2021 14:05} (UTC); or with a header row naming the columns
 *       ({@code artist}, {@code album}, {@code track}/{@code title}/{@code name},
 *       {@code date}/{@code utc_time}/{@code uts}/{@code timestamp}, optional
 *       {@code track_mbid}/{@code mbid}), dates as that form, ISO-8601 or epoch seconds.</li>
 * </ul>
 */
public final class ListenFiles {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<DateTimeFormatter> CSV_DATES = List.of(
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]", Locale.ROOT));

    private ListenFiles() {
    }

    public static List<ImportedListen> read(Path file) {
        try (PushbackInputStream in = new PushbackInputStream(Files.newInputStream(file), 4)) {
            int first = firstSignificant(in);
            if (first < 0) {
                throw new MalformedListenFile("The file is empty: send a ListenBrainz or Last.fm export.");
            }
            return first == '[' || first == '{' ? json(in) : csv(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Skips a byte order mark and white space; the first other byte is left to read. */
    private static int firstSignificant(PushbackInputStream in) throws IOException {
        byte[] bom = in.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xff) == 0xef && (bom[1] & 0xff) == 0xbb && (bom[2] & 0xff) == 0xbf)) {
            in.unread(bom);
        }
        int b;
        while ((b = in.read()) >= 0 && Character.isWhitespace(b)) {
            // leading white space says nothing of the format
        }
        if (b >= 0) {
            in.unread(b);
        }
        return b;
    }

    // ---- JSON: ListenBrainz listens or Last.fm pages

    private static List<ImportedListen> json(InputStream in) {
        List<ImportedListen> listens = new ArrayList<>();
        int entry = 0;
        try (JsonParser parser = JSON.createParser(in)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.START_ARRAY) {
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        entry++;
                        int line = parser.currentLocation().getLineNr();
                        JsonNode node = parser.readValueAsTree();
                        value(node, "entry " + entry + " (line " + line + ")", listens);
                    }
                } else {
                    int line = parser.currentLocation().getLineNr();
                    value(parser.readValueAsTree(), "line " + line, listens);
                }
            }
        } catch (StreamReadException e) {
            throw new MalformedListenFile("The file is not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + plain(e.getOriginalMessage()) + ".");
        }
        return listens;
    }

    /** Jackson's message without where it was read from, which names no file the user knows. */
    private static String plain(String message) {
        String first = message.lines().findFirst().orElse("");
        int marker = first.indexOf(" (start marker");
        return marker < 0 ? first : first.substring(0, marker);
    }

    private static void value(JsonNode node, String where, List<ImportedListen> listens) {
        if (!node.isObject()) {
            throw new MalformedListenFile(where + ": a listen must be a JSON object.");
        }
        if (node.has("recenttracks")) {
            lastFmPage(node.get("recenttracks"), where, listens);
        } else {
            listens.add(listenBrainz(node, where));
        }
    }

    private static ImportedListen listenBrainz(JsonNode listen, String where) {
        JsonNode at = listen.get("listened_at");
        if (at == null || !at.isIntegralNumber()) {
            throw new MalformedListenFile(where + ": listened_at is missing or not a whole number of seconds.");
        }
        JsonNode track = listen.path("track_metadata");
        String artist = required(track, "artist_name", where);
        String title = required(track, "track_name", where);
        JsonNode info = track.path("additional_info");
        long durationMs = info.path("duration_ms").asLong(0);
        if (durationMs <= 0) {
            durationMs = info.path("duration").asLong(0) * 1000;
        }
        String recording = text(info.path("recording_mbid"));
        if (recording == null) {
            recording = text(track.path("mbid_mapping").path("recording_mbid"));
        }
        String client = text(info.path("media_player"));
        return new ImportedListen(Instant.ofEpochSecond(at.asLong()), artist, title, text(track.path("release_name")),
                Math.max(0, durationMs), recording, client != null ? client : "ListenBrainz", where);
    }

    private static void lastFmPage(JsonNode recent, String where, List<ImportedListen> listens) {
        JsonNode tracks = recent.path("track");
        List<JsonNode> all = new ArrayList<>();
        if (tracks.isArray()) {
            tracks.forEach(all::add);
        } else if (tracks.isObject()) {
            all.add(tracks); // a page of one track holds it bare, not in an array
        }
        for (int i = 0; i < all.size(); i++) {
            JsonNode track = all.get(i);
            String at = where + ", track " + (i + 1);
            if (track.path("@attr").path("nowplaying").asString("").equals("true")) {
                continue;
            }
            String uts = text(track.path("date").path("uts"));
            long seconds;
            try {
                seconds = Long.parseLong(uts == null ? "" : uts.strip());
            } catch (NumberFormatException e) {
                throw new MalformedListenFile(at + ": date.uts is missing or not a number of seconds.");
            }
            JsonNode artist = track.path("artist");
            String artistName = artist.isObject() ? first(text(artist.path("#text")), text(artist.path("name")))
                    : text(artist);
            String title = text(track.path("name"));
            if (artistName == null || title == null) {
                throw new MalformedListenFile(at + ": the track has no artist or no name.");
            }
            JsonNode album = track.path("album");
            listens.add(new ImportedListen(Instant.ofEpochSecond(seconds), artistName, title,
                    album.isObject() ? text(album.path("#text")) : text(album), 0, text(track.path("mbid")), "Last.fm", at));
        }
    }

    private static String required(JsonNode node, String field, String where) {
        String value = text(node.path(field));
        if (value == null) {
            throw new MalformedListenFile(where + ": track_metadata." + field + " is missing or empty.");
        }
        return value;
    }

    private static String text(JsonNode node) {
        if (node == null || !node.isString()) {
            return null;
        }
        String value = node.asString().strip();
        return value.isEmpty() ? null : value;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    // ---- CSV: Last.fm scrobbles

    private static List<ImportedListen> csv(InputStream in) throws IOException {
        List<ImportedListen> listens = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        Csv csv = new Csv(reader);
        int[] columns = {0, 1, 2, 3, -1}; // artist, album, track, date, mbid
        boolean firstRecord = true;
        List<String> record;
        while ((record = csv.next()) != null) {
            int line = csv.recordLine();
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            if (firstRecord && header(record) != null) {
                columns = header(record);
                firstRecord = false;
                continue;
            }
            firstRecord = false;
            String where = "line " + line;
            String artist = cell(record, columns[0]);
            String title = cell(record, columns[2]);
            String date = cell(record, columns[3]);
            if (artist == null || title == null || date == null) {
                throw new MalformedListenFile(where + ": expected artist, album, track and date, found "
                        + record.size() + " field" + (record.size() == 1 ? "" : "s") + ".");
            }
            listens.add(new ImportedListen(csvDate(date, where), artist, title, cell(record, columns[1]), 0,
                    cell(record, columns[4]), "Last.fm", where));
        }
        return listens;
    }

    /** The columns a header row names, or null when the record is not a header. */
    private static int[] header(List<String> record) {
        int[] columns = {-1, -1, -1, -1, -1};
        for (int i = 0; i < record.size(); i++) {
            switch (record.get(i).strip().toLowerCase(Locale.ROOT)) {
                case "artist", "artist_name" -> columns[0] = i;
                case "album", "release_name" -> columns[1] = i;
                case "track", "title", "name", "track_name" -> columns[2] = i;
                case "date", "utc_time", "uts", "timestamp" -> columns[3] = columns[3] < 0 ? i : columns[3];
                case "track_mbid", "mbid", "recording_mbid" -> columns[4] = i;
                default -> {
                }
            }
        }
        return columns[0] >= 0 && columns[2] >= 0 && columns[3] >= 0 ? columns : null;
    }

    private static String cell(List<String> record, int column) {
        if (column < 0 || column >= record.size()) {
            return null;
        }
        String value = record.get(column).strip();
        return value.isEmpty() ? null : value;
    }

    private static Instant csvDate(String value, String where) {
        if (value.chars().allMatch(Character::isDigit)) {
            long number = Long.parseLong(value);
            // milliseconds would be after the year 2286 as seconds
            return number > 10_000_000_000L ? Instant.ofEpochMilli(number) : Instant.ofEpochSecond(number);
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            for (DateTimeFormatter format : CSV_DATES) {
                try {
                    return LocalDateTime.parse(value, format).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e) {
                    // try the next form
                }
            }
        }
        throw new MalformedListenFile(where + ": the date '" + value
                + "' is not like 31 Jan 2021 14:05, an ISO-8601 time or seconds since 1970.");
    }

    /** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
    private static final class Csv {

        private final BufferedReader reader;
        private int line;
        private int recordLine;

        Csv(BufferedReader reader) {
            this.reader = reader;
        }

        int recordLine() {
            return recordLine;
        }

        List<String> next() throws IOException {
            String text = reader.readLine();
            if (text == null) {
                return null;
            }
            line++;
            recordLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            int i = 0;
            while (true) {
                if (i >= text.length()) {
                    if (!quoted) {
                        break;
                    }
                    String more = reader.readLine();
                    if (more == null) {
                        throw new MalformedListenFile("line " + recordLine + ": a quoted field is never closed.");
                    }
                    line++;
                    field.append('\n');
                    text = more;
                    i = 0;
                    continue;
                }
                char c = text.charAt(i++);
                if (quoted) {
                    if (c == '"' && i < text.length() && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
            fields.add(field.toString());
            return fields;
        }
    }
}
