package dev.minstrel.ingest.download;

import dev.minstrel.ingest.IngestSettings;
import dev.minstrel.ingest.link.Link;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The downloaders and the world they run in: which one takes a link, where it is (looked up each
 * time a job starts, so installing one needs no restart), and the environment of its process.
 */
public final class ToolEnvironment {

    private final IngestSettings settings;
    private final ToolLocator tools;
    private final SpotdlDownloader spotdl = new SpotdlDownloader();
    private final YtDlpDownloader ytDlp = new YtDlpDownloader();

    public ToolEnvironment(IngestSettings settings) {
        this.settings = settings;
        this.tools = new ToolLocator(settings.searchPath());
    }

    /** Where the tool is, as a job starting now would find it; empty when it is missing. */
    public Optional<Path> locate(Tool tool) {
        return tools.find(tool, tool == Tool.SPOTDL ? settings.spotdl() : settings.ytDlp());
    }

    /** Where ffmpeg is on the downloaders' search path (they need it to convert audio). */
    public Optional<Path> locateFfmpeg() {
        return tools.find("ffmpeg");
    }

    /**
     * The installed downloader for a link: spotDL for Spotify; yt-dlp for YouTube (spotDL would turn
     * a bare YouTube link into a text search), and spotDL for YouTube Music when yt-dlp is missing.
     */
    public Optional<Downloader> downloaderFor(Link link) {
        List<Downloader> candidates = !link.isYouTube() ? List.of(spotdl)
                : link.source() == Link.Source.YOUTUBE_MUSIC ? List.of(ytDlp, spotdl) : List.of(ytDlp);
        return candidates.stream().filter(d -> executable(d).isPresent()).findFirst();
    }

    /** What a job for this link fails with when no downloader for it is installed. */
    public static Failure noDownloaderFor(Link link) {
        return Failure.permanent(link.isYouTube() ? Tool.YT_DLP.installHint() : Tool.SPOTDL.installHint());
    }

    public Optional<Path> executable(Downloader downloader) {
        return tools.find(downloader.tool(), downloader.configuredPath(settings));
    }

    /**
     * The downloaders' environment: their own HOME under the data folder (config, cache and
     * temporary files), wide COLUMNS so progress lines are not cut, UTF-8 output whatever the
     * service's locale.
     */
    public Map<String, String> processEnvironment() throws IOException {
        Files.createDirectories(settings.homeDir());
        return Map.of("PATH", settings.searchPath(), "HOME", settings.homeDir().toString(), "COLUMNS", "1000",
                "PYTHONIOENCODING", "utf-8", "LANG", "C.UTF-8");
    }
}
