package dev.minstrel.ingest.fake;

import dev.minstrel.library.fixtures.AudioFixtures;
import sun.misc.Signal;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for {@code spotdl download} and {@code spotdl save} (v4.4.3) for offline tests, as the real one behaves:
 * the real command line, the real output lines (rich-padded to
 * {@code $COLUMNS}), the real exit codes, real tagged MP3 files, realistic timing scaled by
 * {@code FAKE_SPOTDL_TIME_SCALE}, and each real failure on demand through {@code FAKE_SPOTDL_*}.
 * {@code FAKE_SPOTDL_ONCE=<file>} limits the injected failure to the first run (the file records it).
 * Whole-run failures: {@code _NO_FFMPEG}, {@code _NO_NETWORK}, {@code _YTM_BLOCKED}, {@code _DISK_FULL},
 * {@code _SPOTIFY_403}; per song, {@code FAKE_SPOTDL_FAIL=<matcher>:<kind>} with kind noresults, ytdlp,
 * bot, nojs, agegate, ffmpeg or metadata. With {@code --generate-lrc} each song gets synced lyrics as an
 * .lrc beside it, except songs matched by {@code FAKE_SPOTDL_NO_LYRICS}. Each song has an ISRC, in its
 * TSRC tag (not with {@code FAKE_SPOTDL_NO_ISRC_TAG}) and the save file; {@code FAKE_SPOTDL_ISRC=<title part>=<isrc>}
 * gives the songs whose title contains the part that ISRC. {@code FAKE_SPOTDL_PLAYLIST=<file>}
 * makes every playlist the songs listed in that file, which a test may rewrite between runs.
 */
public final class FakeSpotdl {

    private static final Set<String> VALUE_OPTIONS = Set.of("--output", "--format", "--bitrate", "--threads",
            "--overwrite", "--log-level", "--log-format", "--save-file", "--save-errors", "--archive", "--cookie-file",
            "--client-id", "--client-secret", "--auth-token", "--yt-dlp-args", "--restrict", "--max-retries",
            "--id3-separator", "--ffmpeg", "--proxy", "--config-path");
    private static final Set<String> FLAGS = Set.of("--simple-tui", "--print-errors", "--headless", "--user-auth",
            "--no-cache", "--preload", "--scan-for-songs", "--skip-album-art", "--generate-lrc", "--add-unavailable",
            "--config", "--ytm-data", "--sponsor-block", "--playlist-numbering");
    private static final Set<String> CHOICE_LISTS = Set.of("--lyrics", "--audio");
    private static final Pattern SPOTIFY = Pattern.compile("https://open\\.spotify\\.com/(?:intl-[^/]+/)?(track|album|playlist|artist)/([A-Za-z0-9]+).*");

    private final Map<String, String> env = System.getenv();
    private final PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    private final double scale = Double.parseDouble(env.getOrDefault("FAKE_SPOTDL_TIME_SCALE", "1"));
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final List<String> written = new ArrayList<>();
    private final boolean inject;
    private final List<String> errors = new ArrayList<>();
    private boolean generateLrc;
    private String listName;

    private FakeSpotdl() throws IOException {
        String once = env.get("FAKE_SPOTDL_ONCE");
        if (once == null) {
            inject = true;
        } else {
            Path marker = Path.of(once);
            inject = !Files.exists(marker);
            Files.writeString(marker, "injected\n");
        }
    }

    record Song(String id, String name, List<String> artists, String album, String albumArtist, int track, int tracks,
                int seconds, String url, String downloadUrl, String isrc) {
        String display() {
            return artists.get(0) + " - " + name;
        }
    }

    public static void main(String[] args) throws Exception {
        int code = new FakeSpotdl().run(args);
        Runtime.getRuntime().halt(code);
    }

    private int run(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                queries.addAll(List.of(args).subList(i + 1, args.length));
                break;
            }
            if (arg.equals("--version")) {
                out.println(env.getOrDefault("FAKE_SPOTDL_VERSION", "4.4.3"));
                return 0;
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(name, arg.substring(arg.indexOf('=') + 1));
            } else if (VALUE_OPTIONS.contains(arg)) {
                if (i + 1 >= args.length) {
                    return usage("argument " + arg + ": expected one argument");
                }
                options.put(arg, args[++i]);
            } else if (arg.equals("--m3u")) {
                options.put(arg, i + 1 < args.length && !args[i + 1].startsWith("-") ? args[++i] : "{list[0]}.m3u8");
            } else if (CHOICE_LISTS.contains(arg)) {
                List<String> choices = new ArrayList<>();
                while (i + 1 < args.length && !args[i + 1].startsWith("-")) {
                    String choice = args[++i];
                    if (choice.contains("://") || choice.contains(":")) {
                        return usage("argument " + arg + ": invalid choice: '" + choice + "'");
                    }
                    choices.add(choice);
                }
                options.put(arg, String.join(",", choices));
            } else if (FLAGS.contains(arg)) {
                options.put(arg, "true");
            } else if (arg.startsWith("-")) {
                return usage("unrecognized arguments: " + arg);
            } else {
                queries.add(arg);
            }
        }
        boolean save = !queries.isEmpty() && queries.get(0).equals("save");
        if (!queries.isEmpty() && (queries.get(0).equals("download") || save)) {
            queries.remove(0);
        }
        if (queries.isEmpty()) {
            return usage("the following arguments are required: query");
        }
        if (!options.getOrDefault("--format", "mp3").equals("mp3")) {
            return usage("argument --format: invalid choice: '" + options.get("--format") + "'");
        }
        String saveFile = options.get("--save-file");
        if (saveFile != null && !saveFile.endsWith(".spotdl")) {
            return fatal("SpotifyError: Save file has to end with .spotdl");
        }
        if (save && saveFile == null) {
            return fatal("SpotifyError: Save file is not specified");
        }
        Path home = Path.of(env.getOrDefault("HOME", "."));
        Path temp = home.resolve(".config/spotdl/temp");
        Files.createDirectories(temp);
        Path config = home.resolve(".config/spotdl/config.json");
        if (!Files.exists(config)) {
            Files.writeString(config, "{\"load_config\": true}\n");
        }
        if (!env.getOrDefault("FAKE_SPOTDL_IGNORE_TERM", "").isEmpty()) {
            Signal.handle(new Signal("TERM"), s -> { });
        } else {
            Signal.handle(new Signal("TERM"), s -> stopping.set(true));
        }
        Signal.handle(new Signal("INT"), s -> stopping.set(true));
        generateLrc = options.containsKey("--generate-lrc");
        int code = download(queries, options, home, temp, save);
        record(args, code);
        return code;
    }

    private int download(List<String> queries, Map<String, String> options, Path home, Path temp, boolean save)
            throws Exception {
        if (inject && env.containsKey("FAKE_SPOTDL_HANG") && env.get("FAKE_SPOTDL_HANG").equals("start")) {
            hang();
        }
        sleep(100);
        if (inject && env.containsKey("FAKE_SPOTDL_NO_FFMPEG")) {
            return fatal("FFmpegError: FFmpeg is not installed. Please run `spotdl --download-ffmpeg` to install "
                    + "FFmpeg or set the path to FFmpeg manually.");
        }
        if (inject && env.containsKey("FAKE_SPOTDL_NO_NETWORK")) {
            line("An error occurred");
            return fatal("ConnectionError: HTTPSConnectionPool(host='music.youtube.com', port=443): Max retries "
                    + "exceeded with url: /youtubei/v1/search (Caused by NewConnectionError('Failed to establish a new connection'))");
        }
        if (inject && env.containsKey("FAKE_SPOTDL_DISK_FULL")) {
            line("An error occurred");
            return fatal("OSError: [Errno 28] No space left on device: '" + temp.resolve("partial.webm") + "'");
        }
        if (inject && env.containsKey("FAKE_SPOTDL_SPOTIFY_403")) {
            line("An error occurred");
            return fatal("SpotifyException: http status: 403, code: -1 - https://api.spotify.com/v1/playlists/"
                    + idOf(queries.get(0)) + "/tracks?limit=100&offset=0&additional_types=track:\n Forbidden, reason: None");
        }
        if (inject && env.containsKey("FAKE_SPOTDL_YTM_BLOCKED")) {
            return fatal("DownloaderError: You are blocked by YouTube Music. Please use a VPN, change youtube-music "
                    + "to piped, or use other audio providers");
        }
        List<Song> songs = new ArrayList<>();
        for (String query : queries) {
            line("Processing query: " + query);
            if (inject && "query".equals(env.get("FAKE_SPOTDL_HANG"))) {
                hang();
            }
            String rateLimit = inject ? env.get("FAKE_SPOTDL_RATELIMIT") : null;
            if (rateLimit != null && rateLimit(rateLimit, query)) {
                return 1;
            }
            List<Song> found = resolve(query);
            if (found == null) {
                line("An error occurred");
                return fatal("SongError: No results found for: " + query);
            }
            songs.addAll(found);
        }
        if (save) { // spotdl save: the songs' metadata only, in the list's order, nothing downloaded
            Files.writeString(Path.of(options.get("--save-file")), saveFile(songs, listName));
            line("Saved " + songs.size() + " songs to " + options.get("--save-file"));
            out.println();
            return 0;
        }
        Path output = Path.of(options.getOrDefault("--output", "{artists} - {title}.{output-ext}"));
        int done = 0;
        for (Song song : songs) {
            if (stopping.get()) {
                break;
            }
            Path target = target(output, song);
            if (Files.exists(target) && options.getOrDefault("--overwrite", "skip").equals("skip")) {
                line("Skipping " + song.display() + " (file already exists) ");
                done++;
                continue;
            }
            downloadSong(song, target, temp, home, ++done, songs.size());
        }
        if (options.containsKey("--print-errors")) {
            errors.forEach(this::line);
        }
        if (options.containsKey("--save-errors") && !errors.isEmpty()) {
            Files.writeString(Path.of(options.get("--save-errors")), "[" + LocalDateTime.now() + "]\n"
                    + String.join("\n", errors) + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        if (options.containsKey("--save-file")) {
            Files.writeString(Path.of(options.get("--save-file")), saveFile(songs, null));
        }
        out.println();
        return 0;
    }

    private void downloadSong(Song song, Path target, Path temp, Path home, int k, int n) throws Exception {
        String name = song.display();
        sleep(150);
        String failure = failureFor("FAKE_SPOTDL_FAIL", song, k);
        if ("noresults".equals(failure)) {
            line(k + "/" + n + " complete");
            songError(song, "LookupError: No results found for song: " + name);
            return;
        }
        line(name + ": Downloading");
        String crash = failureFor("FAKE_SPOTDL_CRASH", song, k);
        Path webm = temp.resolve(song.downloadUrl().substring(song.downloadUrl().length() - 11) + ".webm");
        Files.write(webm, new byte[64 * 1024]);
        sleep(200);
        if (crash != null && crash.startsWith("download")) {
            crash(crash);
        }
        sleep(200);
        if (failure != null && Set.of("ytdlp", "bot", "nojs", "agegate").contains(failure)) {
            Files.deleteIfExists(webm);
            // the yt-dlp inside spotDL says why on stderr before spotDL reports its bare provider error
            if (failure.equals("bot")) {
                stderr("ERROR: [youtube] " + song.downloadUrl().substring(song.downloadUrl().length() - 11)
                        + ": Sign in to confirm you're not a bot. Use --cookies-from-browser or --cookies for the authentication.");
            } else if (failure.equals("nojs")) {
                stderr("WARNING: [youtube] No supported JavaScript runtime could be found. Only deno is enabled by default; "
                        + "to use another runtime add  --js-runtimes RUNTIME[:PATH]  to your command/config. YouTube extraction "
                        + "without a JS runtime has been deprecated, and some formats may be missing.");
            }
            Thread.sleep(100); // spotDL gives up on the song a moment later (and the two streams are read apart)
            line(k + "/" + n + " complete");
            songError(song, "AudioProviderError: YT-DLP download error - " + song.downloadUrl());
            return;
        }
        int seconds = failureFor("FAKE_SPOTDL_TRUNCATE", song, k) != null ? Math.max(1, song.seconds() * 3 / 10) : song.seconds();
        Files.createDirectories(target.getParent());
        Path untagged = AudioFixtures.mp3(temp.resolve(song.id() + ".untagged.mp3")).seconds(seconds).write();
        byte[] audio = Files.readAllBytes(untagged);
        Files.delete(untagged);
        for (int part = 1; part <= 4; part++) {
            int upTo = audio.length * part / 4;
            Files.write(target, Arrays.copyOfRange(audio, 0, upTo));
            sleep(75);
            if (part == 2 && crash != null && crash.startsWith("convert")) {
                crash(crash);
            }
        }
        written.add(target.toString());
        Files.deleteIfExists(webm);
        if ("ffmpeg".equals(failure)) {
            Path log = home.resolve(".config/spotdl/errors/ffmpeg_error_" + System.currentTimeMillis() + ".txt");
            Files.createDirectories(log.getParent());
            Files.writeString(log, "ffmpeg exited with code 1\n");
            Files.deleteIfExists(target);
            line(k + "/" + n + " complete");
            songError(song, "FFmpegError: Failed to convert " + name + ", you can find error here: " + log);
            return;
        }
        line(name + ": Embedding metadata");
        if ("metadata".equals(failure)) {
            line(k + "/" + n + " complete");
            songError(song, "MetadataError: Failed to embed metadata to the song");
            return;
        }
        sleep(100);
        if (crash != null && crash.startsWith("tag")) {
            crash(crash);
        }
        if (inject && ("song:" + song.name()).equals(env.get("FAKE_SPOTDL_HANG"))) {
            hang();
        }
        Path tagged = AudioFixtures.mp3(temp.resolve(song.id() + ".tagged.mp3"))
                .title(song.name()).artist(String.join("/", song.artists())).albumArtist(song.albumArtist())
                .album(song.album()).track(song.track(), song.tracks()).year(2020).genres("pop")
                .cover(AudioFixtures.jpeg(8, 8)).comment(song.downloadUrl()).sourceUrl(song.url())
                .isrc(env.containsKey("FAKE_SPOTDL_NO_ISRC_TAG") ? null : song.isrc()).seconds(seconds).write();
        Files.move(tagged, target, StandardCopyOption.REPLACE_EXISTING);
        if (generateLrc && failureFor("FAKE_SPOTDL_NO_LYRICS", song, k) == null) {
            // spotDL 4.4's generate_lrc: the synced lyrics provider's lines, as <song>.lrc beside the song
            String base = target.getFileName().toString().replaceFirst("\\.mp3$", "");
            Files.writeString(target.resolveSibling(base + ".lrc"), "[ar:" + song.artists().get(0) + "]\n[ti:" + song.name()
                    + "]\n[al:" + song.album() + "]\n[00:00.50]First line of " + song.name() + "\n[00:01.75]Second line of "
                    + song.name() + "\n");
        }
        line(name + ": Done");
        line(k + "/" + n + " complete");
        line("Downloaded \"" + name + "\": " + song.downloadUrl());
    }

    /** The song's failure kind from a {@code matcher:kind} list, or null. */
    private String failureFor(String variable, Song song, int position) {
        String spec = inject ? env.get(variable) : null;
        if (spec == null) {
            return null;
        }
        for (String entry : spec.split(",")) {
            String[] parts = entry.split(":", 2);
            String matcher = parts[0];
            boolean matches = matcher.equals("*") || matcher.equals("#" + position) || matcher.equals(song.id())
                    || (!matcher.startsWith("#") && song.name().contains(matcher));
            if (matches) {
                return parts.length > 1 ? parts[1] : "yes";
            }
        }
        return null;
    }

    private void songError(Song song, String error) {
        line(error);
        errors.add(song.url() + " - " + error);
    }

    private boolean rateLimit(String spec, String query) throws Exception {
        String[] parts = spec.split(":");
        long seconds = Long.parseLong(parts[0]);
        String style = env.getOrDefault("FAKE_SPOTDL_RL_STYLE", "");
        String warning = (style.equals("old") ? "WARNING:root:" : "") + "Your application has reached a rate/request limit. "
                + "Retry will occur after: " + seconds + (style.equals("new") ? " s" : "");
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        if (parts.length > 1 && parts[1].equals("fatal")) {
            for (int i = 0; i < 3; i++) {
                err.println(warning);
            }
            err.println("Max Retries reached");
            line("An error occurred");
            fatal("SpotifyException: http status: 429, code:-1 - /v1/tracks/" + idOf(query) + ":\n Max Retries, reason: too many 429 error responses");
            return true;
        }
        err.println(warning);
        if (seconds <= Long.parseLong(env.getOrDefault("FAKE_SPOTDL_RL_MAXWAIT", "5"))) {
            sleep(seconds * 1000);
            return false;
        }
        hang();
        return false;
    }

    private List<Song> resolve(String query) {
        Matcher spotify = SPOTIFY.matcher(query);
        if (spotify.matches()) {
            String kind = spotify.group(1);
            String id = spotify.group(2);
            if (kind.equals("track")) {
                return List.of(single(id));
            }
            String listed = env.get("FAKE_SPOTDL_PLAYLIST");
            listName = Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + " " + id.substring(0, 6);
            if (kind.equals("playlist") && listed != null) {
                return playlist(Path.of(listed), listName);
            }
            int size = Integer.parseInt(env.getOrDefault("FAKE_SPOTDL_LIST_SIZE", "3"));
            line("Found " + size + " songs in " + listName + " (" + Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + ")");
            sleep(200);
            List<Song> songs = new ArrayList<>();
            for (int i = 1; i <= size; i++) {
                String songId = (id.substring(0, 20) + i + "x").substring(0, 22);
                String artist = kind.equals("album") || kind.equals("artist") ? "Artist " + id.substring(0, 6) : "Artist " + songId.substring(14);
                songs.add(song(songId, artist, "Track " + i + " of " + id.substring(0, 6),
                        kind.equals("album") ? "Album " + id.substring(0, 6) : "Album " + songId.substring(14), i, kind.equals("album") ? size : 1));
            }
            return songs;
        }
        if (query.startsWith("https://music.youtube.com/watch?v=")) {
            String id = query.substring(query.indexOf("v=") + 2, query.indexOf("v=") + 13);
            return List.of(song("yt" + id + "000000000", "Artist " + id.substring(0, 6), "Song " + id, "Album " + id, 1, 1));
        }
        if (query.contains("youtube.com") || query.contains("youtu.be")) {
            return null;
        }
        int dash = query.indexOf(" - ");
        if (dash > 0) {
            return List.of(song("q" + Integer.toHexString(query.hashCode()) + "0000000000000", query.substring(0, dash),
                    query.substring(dash + 3), query.substring(dash + 3), 1, 1));
        }
        return null;
    }

    /**
     * {@code FAKE_SPOTDL_PLAYLIST=<file>}: every playlist holds the Spotify track ids listed in the file,
     * one a line, in order; a test rewrites the file to add, remove or reorder songs at the "source".
     */
    private List<Song> playlist(Path listed, String name) {
        try {
            List<String> ids = Files.readAllLines(listed).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
            line("Found " + ids.size() + " songs in " + name + " (Playlist)");
            return ids.stream().map(this::single).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A song on its own, as a track link resolves: the same song, whether it comes alone or in a playlist. */
    private Song single(String id) {
        return song(id, "Artist " + id.substring(0, 6), "Song " + id.substring(0, 6), "Album " + id.substring(0, 6), 1, 1);
    }

    private Song song(String id, String artist, String title, String album, int track, int tracks) {
        String ytid = (Integer.toHexString(id.hashCode()) + "abcdefghijk").substring(0, 11);
        int seconds = Integer.parseInt(env.getOrDefault("FAKE_SPOTDL_AUDIO_SECONDS", "3"));
        // FAKE_SPOTDL_ISRC=<title part>=<isrc>: that song is a recording another link has too (a single and its album)
        String isrc = String.format(Locale.ROOT, "QZFAK%07d", Math.floorMod(id.hashCode(), 10_000_000));
        String same = env.get("FAKE_SPOTDL_ISRC");
        if (same != null && title.contains(same.substring(0, same.indexOf('=')))) {
            isrc = same.substring(same.indexOf('=') + 1);
        }
        return new Song(id, title, List.of(artist), album, artist, track, tracks, seconds,
                "https://open.spotify.com/track/" + id, "https://music.youtube.com/watch?v=" + ytid, isrc);
    }

    private static Path target(Path template, Song song) {
        String path = template.toString()
                .replace("{album-artist}", sanitise(song.albumArtist())).replace("{album}", sanitise(song.album()))
                .replace("{track-number}", String.format(Locale.ROOT, "%02d", song.track()))
                .replace("{title}", sanitise(song.name())).replace("{artists}", sanitise(String.join(", ", song.artists())))
                .replace("{artist}", sanitise(song.artists().get(0))).replace("{output-ext}", "mp3");
        return Path.of(path);
    }

    private static String sanitise(String name) {
        return name.replaceAll("[/?\\\\*|<>]", "").replace('"', '\'').replace(':', '-');
    }

    /** @param listName the list the songs came from ({@code spotdl save} of a playlist), or null */
    private static String saveFile(List<Song> songs, String listName) {
        StringBuilder json = new StringBuilder("[");
        for (Song song : songs) {
            if (json.length() > 1) {
                json.append(", ");
            }
            json.append(String.format(Locale.ROOT, "{\"name\": \"%s\", \"artists\": [\"%s\"], \"artist\": \"%s\", "
                            + "\"album_name\": \"%s\", \"album_artist\": \"%s\", \"duration\": %d, \"url\": \"%s\", "
                            + "\"download_url\": \"%s\", \"track_number\": %d, \"tracks_count\": %d, \"isrc\": \"%s\"}",
                    song.name(), song.artists().get(0), song.artists().get(0), song.album(), song.albumArtist(),
                    song.seconds(), song.url(), song.downloadUrl(), song.track(), song.tracks(), song.isrc()));
            if (listName != null) {
                json.setLength(json.length() - 1);
                json.append(String.format(Locale.ROOT, ", \"list_name\": \"%s\", \"list_position\": %d, \"list_length\": %d}",
                        listName, songs.indexOf(song) + 1, songs.size()));
            }
        }
        return json.append("]").toString();
    }

    private static String idOf(String query) {
        return query.substring(query.lastIndexOf('/') + 1);
    }

    /** rich's piped output: wrapped at $COLUMNS (80 when unset) and right-padded with spaces. */
    private void line(String text) {
        int width = env.getOrDefault("COLUMNS", "").matches("\\d+") ? Integer.parseInt(env.get("COLUMNS")) : 80;
        for (String part : text.split("\n")) {
            while (part.length() > width) {
                int cut = part.lastIndexOf(' ', width);
                cut = cut <= 0 ? width : cut;
                out.println(pad(part.substring(0, cut), width));
                part = part.substring(cut).stripLeading();
            }
            out.println(pad(part, width));
        }
        logLine(text);
    }

    /** {@code FAKE_SPOTDL_LINE_LOG}: when each line was flushed, so tests can time how fast it reached a client. */
    private void logLine(String text) {
        String file = env.get("FAKE_SPOTDL_LINE_LOG");
        if (file != null) {
            try {
                Files.writeString(Path.of(file), System.currentTimeMillis() + "\t" + text + "\n",
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void stderr(String text) {
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8).println(text);
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    private int fatal(String error) {
        line("Traceback (most recent call last)");
        line("  File \"/usr/lib/python3/dist-packages/spotdl/console/entry_point.py\", line 61, in entry_point");
        line(error);
        out.println();
        return 1;
    }

    private int usage(String message) {
        System.err.println("usage: spotdl [-h] [--version] {download,save,web,sync,meta,url} query [query ...] [options]");
        System.err.println("spotdl: error: " + message);
        return 2;
    }

    private void crash(String spec) {
        String[] parts = spec.split(":");
        int code = parts.length > 1 ? Integer.parseInt(parts[1]) : 137;
        if (code == 1) {
            line("Traceback (most recent call last)");
            line("RuntimeError: crashed on purpose");
        }
        Runtime.getRuntime().halt(code);
    }

    private void hang() throws InterruptedException {
        Thread.sleep(Long.MAX_VALUE);
    }

    private void sleep(long millis) {
        try {
            Thread.sleep((long) (millis * scale));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void record(String[] args, int code) throws IOException {
        String file = env.get("FAKE_SPOTDL_RECORD");
        if (file == null) {
            return;
        }
        String json = String.format("{\"argv\": [%s], \"cwd\": \"%s\", \"HOME\": \"%s\", \"COLUMNS\": \"%s\", "
                        + "\"PYTHONIOENCODING\": \"%s\", \"LANG\": \"%s\", \"files\": [%s], \"exit\": %d}%n",
                quoteAll(List.of(args)), Path.of("").toAbsolutePath(), env.get("HOME"), env.get("COLUMNS"),
                env.get("PYTHONIOENCODING"), env.get("LANG"), quoteAll(written), code);
        Files.writeString(Path.of(file), json, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String quoteAll(List<String> values) {
        return String.join(", ", values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").toList());
    }
}
