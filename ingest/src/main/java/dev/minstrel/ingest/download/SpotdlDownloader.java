package dev.minstrel.ingest.download;

import dev.minstrel.ingest.IngestSettings;
import dev.minstrel.ingest.landing.KnownSongs;
import dev.minstrel.ingest.link.Link;
import dev.minstrel.library.tags.TagEditor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * spotDL 4 for Spotify links (and YouTube Music when yt-dlp is missing). It prints no file paths,
 * so files land under a per-job staging folder in a known layout and are matched back to songs
 * through their tags; {@code --save-file} records each song's URL and length.
 */
public final class SpotdlDownloader implements Downloader {

    static final String SAVE_FILE = "songs.spotdl";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @Override
    public Tool tool() {
        return Tool.SPOTDL;
    }

    @Override
    public Path configuredPath(IngestSettings settings) {
        return settings.spotdl();
    }

    /** spotDL merges ~/.config/spotdl/config.json into every run unless told not to. */
    @Override
    public void prepare(Path staging, IngestSettings settings, KnownSongs library) throws IOException {
        Path config = settings.homeDir().resolve(".config/spotdl/config.json");
        if (!Files.exists(config)) {
            Files.createDirectories(config.getParent());
            Files.writeString(config, "{\"load_config\": false}\n");
        }
    }

    /** The owner's own Spotify app, when set: since 2026 spotDL's shared one is rate-limited hard. */
    static List<String> ownSpotifyApp(IngestSettings settings) {
        if (settings.spotifyClientId() == null || settings.spotifyClientSecret() == null) {
            return List.of();
        }
        return List.of("--client-id", settings.spotifyClientId(), "--client-secret", settings.spotifyClientSecret());
    }

    @Override
    public List<String> command(Path executable, Link link, Path staging, IngestSettings settings) {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "download",
                "--output", staging.resolve("{album-artist}/{album}/{track-number} - {title}.{output-ext}").toString(),
                "--format", settings.format(), "--bitrate", settings.bitrate(), "--threads", "1",
                "--overwrite", "skip", "--simple-tui", "--print-errors",
                "--save-errors=" + staging.resolve("errors.txt"), "--save-file=" + staging.resolve(SAVE_FILE),
                "--no-cache"));
        command.addAll(ownSpotifyApp(settings));
        // synced lyrics only: spotDL 4.4's other lyrics providers loop or hang; nargs=* so it goes last.
        // --generate-lrc writes them as an .lrc beside the song, which lands with it
        command.addAll(List.of("--generate-lrc", "--lyrics", "synced", "--", link.url()));
        return command;
    }

    @Override
    public OutputParser parser(Consumer<DownloadEvent> events) {
        return new SpotdlOutputParser(events);
    }

    /** spotDL's key is "First Artist - Title"; it tags a file last, so an untagged one is still being written. */
    @Override
    public Optional<String> songKey(TagEditor tags) {
        String title = tags.get(TagEditor.Field.TITLE);
        String artists = tags.get(TagEditor.Field.ARTIST);
        return title == null || artists == null ? Optional.empty()
                : Optional.of(artists.split("/")[0].strip() + " - " + title);
    }

    @Override
    public Map<String, SongInfo> songs(Path staging) {
        Path saveFile = staging.resolve(SAVE_FILE);
        Map<String, SongInfo> songs = new HashMap<>();
        if (!Files.isRegularFile(saveFile)) {
            return songs;
        }
        try {
            for (JsonNode song : JSON.readTree(saveFile.toFile())) {
                String artist = song.path("artists").path(0).asString(song.path("artist").asString(""));
                String key = artist + " - " + song.path("name").asString("");
                songs.put(key, new SongInfo(key, song.path("url").asString(null), song.path("duration").asDouble(0),
                        song.path("isrc").asString(null)));
            }
        } catch (RuntimeException e) {
            // a half-written save file only costs us the length check
        }
        return songs;
    }
}
