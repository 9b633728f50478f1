package dev.minstrel.ingest.download;

import dev.minstrel.ingest.IngestSettings;
import dev.minstrel.ingest.link.Link;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code spotdl save}: reads a Spotify playlist's songs from Spotify (no YouTube lookup, no
 * download) into a save file, a JSON array of songs in the playlist's order, each with its
 * {@code url} (the Spotify track) and the list's {@code list_name}.
 */
public final class SpotdlPlaylistReader implements PlaylistReader {

    static final String SAVE_FILE = "playlist.spotdl";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final SpotdlDownloader downloader = new SpotdlDownloader();

    @Override
    public Downloader downloader() {
        return downloader;
    }

    @Override
    public List<String> command(Path executable, Link playlist, Path workDir, IngestSettings settings) {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "save",
                "--save-file=" + workDir.resolve(SAVE_FILE), "--simple-tui", "--no-cache"));
        command.addAll(SpotdlDownloader.ownSpotifyApp(settings));
        command.addAll(List.of("--", playlist.url()));
        return command;
    }

    @Override
    public Listing listing(List<String> stdout, Path workDir) {
        JsonNode songs = JSON.readTree(workDir.resolve(SAVE_FILE).toFile());
        List<String> entries = new ArrayList<>();
        String title = null;
        for (JsonNode song : songs) {
            String url = song.path("url").asString(null);
            if (url != null) {
                entries.add(url);
            }
            if (title == null) {
                title = song.path("list_name").asString(null);
            }
        }
        return new Listing(title, entries);
    }
}
