package dev.minstrel.ingest.download;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The downloader's last lines as a job keeps them: trimmed, once each, the newest few, no secret. */
class OutputTailTest {

    @Test
    void keepsTheNewestLinesOnceEachStrippedOfPadding() {
        OutputTail tail = new OutputTail(3, Arrays.asList(null, ""));
        for (String line : List.of("Processing query: x     ", "", "ABBA - Waterloo: Downloading", "ABBA - Waterloo: Downloading",
                "   ", "1/1 complete", "LookupError: No results found for song: ABBA - Waterloo")) {
            tail.accept(line);
        }

        assertThat(tail.lines()).containsExactly("ABBA - Waterloo: Downloading", "1/1 complete",
                "LookupError: No results found for song: ABBA - Waterloo");
    }

    @Test
    void theSpotifySecretNeverReachesTheTailAndLongLinesAreCut() {
        OutputTail tail = new OutputTail(5, List.of("s3cr3t-value"));
        tail.accept("spotdl: error: unrecognized arguments: --client-secret s3cr3t-value");
        tail.accept("x".repeat(1000));

        assertThat(tail.lines().get(0)).isEqualTo("spotdl: error: unrecognized arguments: --client-secret ***");
        assertThat(tail.lines().get(1)).hasSize(301).endsWith("…");
    }
}
