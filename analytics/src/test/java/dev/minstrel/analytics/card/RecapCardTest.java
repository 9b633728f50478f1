package dev.minstrel.analytics.card;

import dev.minstrel.analytics.AnalyticsFixture;
import dev.minstrel.library.catalogue.Track;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.minstrel.analytics.TestTracks.track;
import static org.assertj.core.api.Assertions.assertThat;

/** The recap card is a real PNG of the story size, drawn with text, and follows the listening. */
class RecapCardTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private final Track song = track("tr-dq", "Dancing Queen", "ABBA", "Arrival", "Pop", 200);
    private final Track other = track("tr-he", "Heroes", "Bowie", "Heroes", "Rock", 200);

    @TempDir
    Path dir;

    @Test
    void theCardIsA1080By1350PngThatIsNotBlankAndChangesWithTheListening() throws IOException {
        try (AnalyticsFixture fixture = new AnalyticsFixture(dir, NOW, List.of(song, other))) {
            RecapCards cards = fixture.analytics.recapCards();
            listen(fixture, song, NOW.minus(Duration.ofDays(3)));

            RecapCards.Card first = cards.card("us-alice", "alice", "2026").block();
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(first.png()));

            assertThat(image.getWidth()).isEqualTo(RecapCard.WIDTH);
            assertThat(image.getHeight()).isEqualTo(RecapCard.HEIGHT);
            assertThat(luminanceVariance(image)).as("text on a background, not one colour").isGreaterThan(100);
            assertThat(cards.card("us-alice", "alice", "2026").block()).as("drawn once for the same recap")
                    .isSameAs(first);

            listen(fixture, other, NOW.minus(Duration.ofDays(2)));
            RecapCards.Card second = cards.card("us-alice", "alice", "2026").block();

            assertThat(second.etag()).isNotEqualTo(first.etag());
            assertThat(differingPixels(image, ImageIO.read(new ByteArrayInputStream(second.png()))))
                    .as("a new listen shows on the card").isGreaterThan(500);
        }
    }

    @Test
    void aPeriodWithoutListensStillGetsACardAndABadPeriodNone() throws IOException {
        try (AnalyticsFixture fixture = new AnalyticsFixture(dir, NOW, List.of(song))) {
            RecapCards.Card card = fixture.analytics.recapCards().card("us-alice", "alice", "2026-03").block();

            assertThat(luminanceVariance(ImageIO.read(new ByteArrayInputStream(card.png())))).isGreaterThan(100);
            assertThat(fixture.analytics.recapCards().card("us-alice", "alice", "last year").blockOptional()).isEmpty();
        }
    }

    @Test
    void periodsAndPersonasReadAsWords() {
        assertThat(RecapCard.personaTitle("night-owl")).isEqualTo("Night owl");
        assertThat(RecapCard.personaTitle("weekend-listener")).isEqualTo("Weekend listener");
    }

    private static void listen(AnalyticsFixture fixture, Track track, Instant at) {
        fixture.analytics.recorder().submission("us-alice", track.id(), "DSub", at, NOW).block();
    }

    private static double luminanceVariance(BufferedImage image) {
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                int rgb = image.getRGB(x, y);
                double luminance = 0.299 * (rgb >> 16 & 0xFF) + 0.587 * (rgb >> 8 & 0xFF) + 0.114 * (rgb & 0xFF);
                sum += luminance;
                squares += luminance * luminance;
                n++;
            }
        }
        double mean = sum / n;
        return squares / n - mean * mean;
    }

    private static int differingPixels(BufferedImage a, BufferedImage b) {
        int differing = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    differing++;
                }
            }
        }
        return differing;
    }
}
