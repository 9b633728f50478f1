package dev.minstrel.ingest.download;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** spotDL's output as rich prints it to a pipe: right-padded, wrapped, duplicated on stderr. */
class SpotdlOutputParserTest {

    private final List<DownloadEvent> events = new ArrayList<>();
    private final SpotdlOutputParser parser = new SpotdlOutputParser(events::add);

    private void out(String line) {
        parser.stdout(line + " ".repeat(Math.max(0, 80 - line.length())));
    }

    @Test
    void anAlbumRunBecomesAListAndPerSongProgress() {
        out("Processing query: https://open.spotify.com/album/1DFixLWuPkv3KT3TnV35m3");
        out("Found 2 songs in Gold (Album)");
        out("ABBA - Dancing Queen: Downloading");
        out("ABBA - Dancing Queen: Embedding metadata");
        out("ABBA - Dancing Queen: Done");
        out("1/2 complete");
        out("Downloaded \"ABBA - Dancing Queen\": https://music.youtube.com/watch?v=xFrGuyw1V8s");
        out("2/2 complete");
        out("LookupError: No results found for song: ABBA - Waterloo");
        out("");

        assertThat(events).containsExactly(
                new DownloadEvent.ListFound(2, "Gold"),
                new DownloadEvent.SongProgress("ABBA - Dancing Queen", "ABBA", "Dancing Queen", 10),
                new DownloadEvent.SongProgress("ABBA - Dancing Queen", "ABBA", "Dancing Queen", 70),
                new DownloadEvent.SongProgress("ABBA - Dancing Queen", "ABBA", "Dancing Queen", 85),
                new DownloadEvent.SongProgress("ABBA - Dancing Queen", "ABBA", "Dancing Queen", 90),
                new DownloadEvent.SongFailed("ABBA - Waterloo", Failure.permanent(
                        "No match for this song on YouTube Music (spotDL: No results found for song: ABBA - Waterloo)")));
        assertThat(parser.fatal(0)).isEmpty();
    }

    @Test
    void aWrappedFatalErrorIsJoinedAndClassifiedAfterTheNonZeroExit() {
        out("An error occurred");
        out("ConnectionError: HTTPSConnectionPool(host='music.youtube.com', port=443): Max retries");
        out("exceeded with url: /youtubei/v1/search");
        out("");

        assertThat(parser.fatal(1)).hasValueSatisfying(f -> {
            assertThat(f.transientFailure()).isTrue();
            assertThat(f.reason()).startsWith("No network");
        });
    }

    @Test
    void missingFfmpegAndUsageErrorsArePermanentAndACrashIsNot() {
        out("FFmpegError: FFmpeg is not installed. Please run `spotdl --download-ffmpeg` to install FFmpeg");
        assertThat(parser.fatal(1)).hasValueSatisfying(f -> {
            assertThat(f.transientFailure()).isFalse();
            assertThat(f.reason()).contains("sudo apt install ffmpeg");
        });
        SpotdlOutputParser fresh = new SpotdlOutputParser(events::add);
        assertThat(fresh.fatal(2)).hasValueSatisfying(f -> assertThat(f.transientFailure()).isFalse());
        assertThat(fresh.fatal(137)).hasValueSatisfying(f -> assertThat(f.transientFailure()).isTrue());
    }

    @Test
    void theRateLimitWarningIsSeenOnEitherStreamInEveryStyle() {
        parser.stderr("WARNING:root:Your application has reached a rate/request limit. Retry will occur after: 86400");
        parser.stderr("INFO:spotdl.download.downloader:ABBA - Waterloo: Downloading");
        out("Your application has reached a rate/request limit. Retry will occur after: 30 s");

        assertThat(events).containsExactly(new DownloadEvent.RateLimited(86400), new DownloadEvent.RateLimited(30));
    }

    @Test
    void anUnnamedProviderErrorGoesToTheOnlySongInFlight() {
        out("ABBA - Waterloo: Downloading");
        out("1/1 complete");
        out("AudioProviderError: YT-DLP download error - https://music.youtube.com/watch?v=abcdefghijk");

        assertThat(events).last().isInstanceOfSatisfying(DownloadEvent.SongFailed.class, failed -> {
            assertThat(failed.key()).isEqualTo("ABBA - Waterloo");
            assertThat(failed.failure().transientFailure()).isTrue();
        });
    }
}
