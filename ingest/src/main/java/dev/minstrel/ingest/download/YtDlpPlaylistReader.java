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
 * {@code yt-dlp --flat-playlist -J}: the playlist as one JSON object on stdout, its {@code title}
 * and its {@code entries} in order, each a video {@code id}, without resolving any video.
 */
public final class YtDlpPlaylistReader implements PlaylistReader {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final YtDlpDownloader downloader = new YtDlpDownloader();

    @Override
    public Downloader downloader() {
        return downloader;
    }

    @Override
    public List<String> command(Path executable, Link playlist, Path workDir, IngestSettings settings) {
        return List.of(executable.toString(), "--ignore-config", "--color", "never", "--flat-playlist", "-J",
                "--", playlist.url());
    }

    @Override
    public Listing listing(List<String> stdout, Path workDir) {
        JsonNode playlist = JSON.readTree(String.join("\n", stdout));
        List<String> entries = new ArrayList<>();
        for (JsonNode entry : playlist.path("entries")) {
            String id = entry.path("id").asString(null);
            if (id != null) {
                entries.add("https://www.youtube.com/watch?v=" + id);
            }
        }
        return new Listing(playlist.path("title").asString(null), entries);
    }
}
