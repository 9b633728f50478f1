package dev.minstrel.ingest.download;

import dev.minstrel.ingest.IngestSettings;
import dev.minstrel.ingest.landing.KnownSongs;
import dev.minstrel.ingest.link.Link;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * yt-dlp for YouTube links (spotDL would turn a bare YouTube link into a text search). Its
 * {@code --print} and {@code --progress-template} hooks make the output machine-readable: a line per
 * video before it downloads, byte progress, and the final path after the move. Its download archive
 * lists the library's videos, so a playlist's videos the library has are skipped before any download.
 */
public final class YtDlpDownloader implements Downloader {

    static final String ARCHIVE = "library.archive";

    @Override
    public Tool tool() {
        return Tool.YT_DLP;
    }

    @Override
    public Path configuredPath(IngestSettings settings) {
        return settings.ytDlp();
    }

    /** yt-dlp's archive format: one "extractor id" line per video it must not download again. */
    @Override
    public void prepare(Path staging, IngestSettings settings, KnownSongs library) throws IOException {
        Files.write(staging.resolve(ARCHIVE), library.youTubeVideoIds().stream().sorted().map(id -> "youtube " + id).toList());
    }

    @Override
    public List<String> command(Path executable, Link link, Path staging, IngestSettings settings) {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--ignore-config", "--color", "never",
                "--newline", link.kind() == Link.Kind.PLAYLIST ? "--yes-playlist" : "--no-playlist",
                "-x", "--audio-format", settings.format(), "--audio-quality", "0",
                "--embed-metadata", "--embed-thumbnail",
                "-P", "home:" + staging, "-P", "temp:" + staging.resolve("tmp"),
                "-o", "%(id)s.%(ext)s", "--download-archive", staging.resolve(ARCHIVE).toString(),
                "--progress", "--progress-template",
                "download:" + YtDlpOutputParser.PROGRESS + "\t%(info.id)s\t%(progress.downloaded_bytes)s\t"
                        + "%(progress.total_bytes,progress.total_bytes_estimate)s",
                "--print", "before_dl:" + YtDlpOutputParser.ITEM + "\t%(id)s\t%(duration|0)s\t"
                        + "%(artist,creator,uploader|)s\t%(title)s",
                "--print", "after_move:" + YtDlpOutputParser.FILE + "\t%(id)s\t%(filepath)s",
                "--", link.url()));
        return command;
    }

    @Override
    public OutputParser parser(Consumer<DownloadEvent> events) {
        return new YtDlpOutputParser(events);
    }

    @Override
    public Map<String, SongInfo> songs(Path staging) {
        return Map.of(); // yt-dlp announces each video's length and file as it goes (SongFile events)
    }
}
