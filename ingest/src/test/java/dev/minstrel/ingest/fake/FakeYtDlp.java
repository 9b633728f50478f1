package dev.minstrel.ingest.fake;

import dev.minstrel.library.fixtures.AudioFixtures;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for yt-dlp for offline tests: the options Minstrel passes, output templates rendered
 * the way yt-dlp renders them ({@code %(a,b|default)s}), {@code ERROR:} lines on stderr, exit 1 when a
 * video failed, and a real tagged MP3 with its thumbnail embedded; {@code --download-archive} skips the
 * videos it lists, as yt-dlp does, and records each one downloaded. {@code FAKE_YTDLP_FAIL} =
 * {@code unavailable | 429 | bot | nojs | diskfull | noffmpeg} makes it fail the way the real one does.
 * {@code --flat-playlist -J} prints the playlist as JSON without touching its videos;
 * {@code FAKE_YTDLP_PLAYLIST=<file>} makes every playlist the video ids listed in that file, in order.
 */
public final class FakeYtDlp {

    private static final Set<String> VALUE_OPTIONS = Set.of("--color", "--audio-format", "--audio-quality", "-P",
            "--paths", "-o", "--output", "--progress-template", "--print", "--cookies", "--js-runtimes", "-f", "--download-archive");
    private static final Pattern FIELD = Pattern.compile("%\\(([^)]*)\\)s");
    private static final Pattern VIDEO = Pattern.compile("https://(?:www|music)\\.youtube\\.com/watch\\?v=([A-Za-z0-9_-]{11})");
    private static final Pattern LIST = Pattern.compile("https://(?:www|music)\\.youtube\\.com/playlist\\?list=([A-Za-z0-9_-]+)");

    public static void main(String[] args) throws Exception {
        Runtime.getRuntime().halt(run(args));
    }

    private static int run(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        Map<String, String> env = System.getenv();
        Map<String, List<String>> options = new HashMap<>();
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                urls.addAll(List.of(args).subList(i + 1, args.length));
                break;
            }
            if (VALUE_OPTIONS.contains(args[i])) {
                if (i + 1 >= args.length) {
                    err.println("yt-dlp: error: " + args[i] + " option requires 1 argument");
                    return 2;
                }
                options.computeIfAbsent(args[i], k -> new ArrayList<>()).add(args[++i]);
            } else if (args[i].startsWith("-")) {
                options.put(args[i], List.of());
            } else {
                urls.add(args[i]);
            }
        }
        if (urls.isEmpty()) {
            err.println("Usage: yt-dlp [OPTIONS] URL [URL...]\n\nyt-dlp: error: You must provide at least one URL.");
            return 2;
        }
        Path home = Path.of(".");
        for (String path : options.getOrDefault("-P", List.of())) {
            if (path.startsWith("home:")) {
                home = Path.of(path.substring("home:".length()));
            }
        }
        double scale = Double.parseDouble(env.getOrDefault("FAKE_SPOTDL_TIME_SCALE", "1"));
        // yt-dlp's download archive: "youtube <id>" lines; a video in it is skipped before anything is fetched
        Path archive = options.containsKey("--download-archive") ? Path.of(options.get("--download-archive").get(0)) : null;
        Set<String> archived = archive != null && Files.exists(archive) ? Set.copyOf(Files.readAllLines(archive)) : Set.of();
        String failure = env.get("FAKE_YTDLP_FAIL");
        int code = 0;
        for (String url : urls) {
            List<String> ids = new ArrayList<>();
            Matcher video = VIDEO.matcher(url);
            Matcher list = LIST.matcher(url);
            if (video.matches()) {
                ids.add(video.group(1));
            } else if (list.matches()) {
                boolean json = options.containsKey("-J") || options.containsKey("--dump-single-json");
                if (!json) {
                    out.println("[youtube:tab] Extracting URL: " + url);
                } else {
                    err.println("[youtube:tab] Extracting URL: " + url);
                }
                if (env.containsKey("FAKE_YTDLP_PLAYLIST")) {
                    Files.readAllLines(Path.of(env.get("FAKE_YTDLP_PLAYLIST"))).stream().map(String::strip)
                            .filter(l -> !l.isEmpty()).forEach(ids::add);
                } else {
                    int size = Integer.parseInt(env.getOrDefault("FAKE_YTDLP_LIST_SIZE", "2"));
                    for (int i = 1; i <= size; i++) {
                        ids.add((list.group(1) + "0000000000").substring(0, 10) + i);
                    }
                }
                if (json && options.containsKey("--flat-playlist")) {
                    if ("bot".equals(failure)) {
                        err.println("ERROR: [youtube:tab] " + list.group(1) + ": Sign in to confirm you're not a bot. "
                                + "Use --cookies-from-browser or --cookies for the authentication.");
                        return 1;
                    }
                    out.println(flatPlaylist(list.group(1), ids));
                    continue;
                }
            } else {
                err.println("ERROR: Unsupported URL: " + url);
                code = 1;
                continue;
            }
            for (String id : ids) {
                if (archived.contains("youtube " + id)) {
                    out.println("[download] " + id + ": has already been recorded in the archive");
                    continue;
                }
                Map<String, String> info = new HashMap<>();
                info.put("id", id);
                info.put("title", "Video " + id);
                info.put("uploader", "Channel " + id.substring(0, 4));
                info.put("duration", env.getOrDefault("FAKE_SPOTDL_AUDIO_SECONDS", "3"));
                info.put("webpage_url", "https://www.youtube.com/watch?v=" + id);
                Thread.sleep((long) (150 * scale));
                if ("unavailable".equals(failure)) {
                    err.println("ERROR: [youtube] " + id + ": Video unavailable. This video is no longer available "
                            + "because the YouTube account associated with this video has been terminated.");
                    code = 1;
                    continue;
                }
                if ("429".equals(failure)) {
                    err.println("ERROR: [youtube] " + id + ": Unable to download webpage: HTTP Error 429: Too Many Requests");
                    code = 1;
                    continue;
                }
                if ("nojs".equals(failure)) {
                    err.println("WARNING: [youtube] No supported JavaScript runtime could be found. Only deno is enabled by "
                            + "default; to use another runtime add  --js-runtimes RUNTIME[:PATH]  to your command/config. "
                            + "YouTube extraction without a JS runtime has been deprecated, and some formats may be missing. "
                            + "See  https://github.com/yt-dlp/yt-dlp/wiki/EJS  for details on installing one");
                    err.println("ERROR: [youtube] " + id + ": Requested format is not available. Use --list-formats for a list of available formats");
                    code = 1;
                    continue;
                }
                if ("bot".equals(failure)) {
                    err.println("ERROR: [youtube] " + id + ": Sign in to confirm you're not a bot. Use --cookies-from-browser or --cookies for the authentication.");
                    code = 1;
                    continue;
                }
                for (String print : options.getOrDefault("--print", List.of())) {
                    if (print.startsWith("before_dl:")) {
                        out.println(render(print.substring("before_dl:".length()), info));
                    }
                }
                long total = 48_000;
                for (String template : options.getOrDefault("--progress-template", List.of())) {
                    for (long done = 12_000; done <= total; done += 12_000) {
                        Map<String, String> progress = new HashMap<>(info);
                        progress.put("info.id", id);
                        progress.put("progress.downloaded_bytes", Long.toString(done));
                        progress.put("progress.total_bytes", Long.toString(total));
                        out.println(render(template.substring(template.indexOf(':') + 1), progress));
                        Thread.sleep((long) (100 * scale));
                    }
                }
                if ("diskfull".equals(failure)) {
                    err.println("ERROR: unable to write data: [Errno 28] No space left on device");
                    code = 1;
                    continue;
                }
                if ("noffmpeg".equals(failure)) {
                    err.println("ERROR: Postprocessing: ffprobe and ffmpeg not found. Please install or provide the path using --ffmpeg-location");
                    code = 1;
                    continue;
                }
                Path file = home.resolve(id + ".mp3").toAbsolutePath();
                AudioFixtures.mp3(file).title(info.get("title")).artist(info.get("uploader"))
                        .comment(info.get("webpage_url")).cover(AudioFixtures.jpeg(8, 8))
                        .seconds(Integer.parseInt(info.get("duration"))).write();
                info.put("filepath", file.toString());
                if (archive != null) {
                    Files.writeString(archive, "youtube " + id + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
                for (String print : options.getOrDefault("--print", List.of())) {
                    if (print.startsWith("after_move:")) {
                        out.println(render(print.substring("after_move:".length()), info));
                    }
                }
            }
        }
        return code;
    }

    /** What {@code --flat-playlist -J} prints for a playlist: one line of JSON, its entries unresolved. */
    private static String flatPlaylist(String listId, List<String> ids) {
        StringBuilder entries = new StringBuilder();
        for (String id : ids) {
            entries.append(entries.isEmpty() ? "" : ", ").append(String.format("{\"_type\": \"url\", \"ie_key\": \"Youtube\", "
                    + "\"id\": \"%s\", \"url\": \"https://www.youtube.com/watch?v=%s\", \"title\": \"Video %s\", "
                    + "\"duration\": 3.0}", id, id, id));
        }
        return String.format("{\"id\": \"%s\", \"title\": \"Playlist %s\", \"_type\": \"playlist\", "
                + "\"webpage_url\": \"https://www.youtube.com/playlist?list=%s\", \"entries\": [%s]}",
                listId, listId, listId, entries);
    }

    /** yt-dlp's output template: {@code %(a,b|default)s} takes the first field present, else the default, else "NA". */
    static String render(String template, Map<String, String> values) {
        Matcher m = FIELD.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String spec = m.group(1);
            String fallback = spec.contains("|") ? spec.substring(spec.indexOf('|') + 1) : "NA";
            String value = null;
            for (String field : spec.split("\\|")[0].split(",")) {
                value = value != null ? value : values.get(field);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : fallback));
        }
        m.appendTail(out);
        return out.toString();
    }
}
