package dev.minstrel.ingest.download;

import dev.minstrel.ingest.link.Link;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** yt-dlp's output with the print and progress templates {@link YtDlpDownloader} gives it. */
class YtDlpOutputParserTest {

    private final List<DownloadEvent> events = new ArrayList<>();
    private final YtDlpOutputParser parser = new YtDlpOutputParser(events::add);

    @Test
    void aPlaylistRunNamesEachVideoItsProgressItsFileAndTheVideosItsArchiveSkipped() {
        parser.stdout("[youtube:tab] Extracting URL: https://www.youtube.com/playlist?list=PLabcdefghijklmnop");
        parser.stdout("[download] Downloading playlist: Road trip");
        parser.stdout("[download] dQw4w9WgXcQ: has already been recorded in the archive");
        parser.stdout("MINSTREL-ITEM\tyPYZpwSpKmA\t212.0\tRick Astley\tTogether Forever");
        parser.stdout("MINSTREL-PROG\tyPYZpwSpKmA\t48000\t48000");
        parser.stdout("MINSTREL-FILE\tyPYZpwSpKmA\t/staging/yPYZpwSpKmA.mp3");
        parser.stdout("[download] Finished downloading playlist: Road trip");

        assertThat(events).containsExactly(
                new DownloadEvent.SongInLibrary("dQw4w9WgXcQ", Link.youTubeVideo("dQw4w9WgXcQ")),
                new DownloadEvent.SongProgress("yPYZpwSpKmA", "Rick Astley", "Together Forever", 5),
                new DownloadEvent.SongProgress("yPYZpwSpKmA", null, null, 80),
                new DownloadEvent.SongFile("yPYZpwSpKmA", Path.of("/staging/yPYZpwSpKmA.mp3"), 212.0));
        assertThat(parser.fatal(0)).isEmpty();
    }
}
