package dev.minstrel.ingest;

import dev.minstrel.ingest.events.JobView;
import dev.minstrel.ingest.fake.FakeTools;
import dev.minstrel.ingest.job.ItemState;
import dev.minstrel.ingest.job.Job;
import dev.minstrel.ingest.job.JobState;
import dev.minstrel.library.fixtures.AudioFixtures;
import dev.minstrel.library.tags.AudioFormats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static dev.minstrel.ingest.IngestRunnerTest.TRACK;
import static org.assertj.core.api.Assertions.assertThat;

/** Every way the downloaders fail, as the fakes reproduce them, and what the job says about it. */
class IngestFailuresTest {

    @Test
    void noResultsFailsAtOnceWithTheReasonInPlainWords(@TempDir Path dir) {
        FakeTools tools = new FakeTools(dir).env("FAKE_SPOTDL_FAIL", "*:noresults").install(true, false);
        try (IngestFixture ingest = IngestFixture.start(dir, tools)) {
            Job job = ingest.awaitFinal(ingest.submit(TRACK).id());

            assertThat(job.state()).isEqualTo(JobState.FAILED);
            assertThat(job.attempts()).isEqualTo(1);
            assertThat(job.items()).singleElement().satisfies(item -> {
                assertThat(item.state()).isEqualTo(ItemState.FAILED);
                assertThat(item.error()).startsWith("No match for this song on YouTube Music")
                        .contains("Artist 4uLU6h - Song 4uLU6h");
            });
        }
    }

    @Test
    void aMissingFfmpegSaysHowToInstallItAndIsNotRetried(@TempDir Path dir) {
        FakeTools tools = new FakeTools(dir).env("FAKE_SPOTDL_NO_FFMPEG", "1").install(true, false);
        try (IngestFixture ingest = IngestFixture.start(dir, tools)) {
            Job job = ingest.awaitFinal(ingest.submit(TRACK).id());

            assertThat(job.state()).isEqualTo(JobState.FAILED);
            assertThat(job.attempts()).isEqualTo(1);
            assertThat(job.items().get(0).error()).startsWith("FFmpeg is not installed").contains("sudo apt install ffmpeg");
        }
    }

    @Test
    void aSpotifyRateLimitIsRetriedWithBackoffThenReported(@TempDir Path dir) {
        FakeTools tools = new FakeTools(dir).env("FAKE_SPOTDL_RATELIMIT", "5:fatal").install(true, false);
        try (IngestFixture ingest = IngestFixture.start(dir, tools, s -> s.withLimits(1, Duration.ofSeconds(60), 2,
                Duration.ofMillis(300), 0))) {
            Job job = ingest.awaitFinal(ingest.submit(TRACK).id());

            assertThat(job.state()).isEqualTo(JobState.FAILED);
            assertThat(job.attempts()).isEqualTo(2);
            assertThat(job.items().get(0).error()).startsWith("Spotify is rate limiting spotDL (HTTP 429)");
        }
    }

    @Test
    void aLongRateLimitWaitStopsTheDownloaderAndQueuesTheJobForLater(@TempDir Path dir) {
        FakeTools tools = new FakeTools(dir).env("FAKE_SPOTDL_RATELIMIT", "86400").install(true, false);
        try (IngestFixture ingest = IngestFixture.start(dir, tools)) {
            String id = ingest.submit(TRACK).id();
            Job job = ingest.await(id, j -> j.state() == JobState.QUEUED && j.attempts() == 1, Duration.ofSeconds(30));

            assertThat(job.notBefore()).isAfter(Instant.now().plus(Duration.ofHours(23)));
            assertNoFakeRunning(dir);
        }
    }

    @Test
    void aCrashMidwayLeavesNoPartialFileAndTheRetrySucceeds(@TempDir Path dir) throws IOException {
        FakeTools tools = new FakeTools(dir).env("FAKE_SPOTDL_CRASH", "*:convert")
                .env("FAKE_SPOTDL_ONCE", dir.resolve("crashed").toString()).install(true, false);
        try (IngestFixture ingest = IngestFixture.start(dir, tools)) {
            Job job = ingest.awaitFinal(ingest.submit(TRACK).id());

            assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(job.attempts()).isEqualTo(2);
            assertThat(musicFiles(dir)).hasSize(1);
            assertThat(ingest.library.catalogue().trackCount()).isEqualTo(1);
        }
    }

    @Test
    void aTruncatedFileIsRefused(@TempDir Path dir) throws IOException {
        FakeTools tools = new FakeTools(dir).env("FAKE_SPOTDL_TRUNCATE", "*").env("FAKE_SPOTDL_AUDIO_SECONDS", "20")
                .install(true, false);
        try (IngestFixture ingest = IngestFixture.start(dir, tools, s -> s.withLimits(1, Duration.ofSeconds(60), 1,
                Duration.ofMillis(200), 0))) {
            Job job = ingest.awaitFinal(ingest.submit(TRACK).id());

            assertThat(job.state()).isEqualTo(JobState.FAILED);
            assertThat(job.items().get(0).error()).startsWith("The downloaded file is truncated: 6 s of the expected 20 s");
            assertThat(musicFiles(dir)).isEmpty();
        }
    }

    @Test
    void aHungDownloaderIsStoppedAtTheTimeout(@TempDir Path dir) {
        FakeTools tools = new FakeTools(dir).env("FAKE_SPOTDL_HANG", "query").env("FAKE_SPOTDL_IGNORE_TERM", "1")
                .install(true, false);
        try (IngestFixture ingest = IngestFixture.start(dir, tools, s -> s.withLimits(1, Duration.ofSeconds(3), 1,
                Duration.ofMillis(200), 0))) {
            Job job = ingest.awaitFinal(ingest.submit(TRACK).id());

            assertThat(job.state()).isEqualTo(JobState.FAILED);
            assertThat(job.items().get(0).error()).startsWith("The download took longer than 0 min");
            assertNoFakeRunning(dir);
        }
    }

    @Test
    void cancellingStopsTheDownloaderEvenIfItIgnoresTermAndRemovesPartialFiles(@TempDir Path dir) throws IOException {
        FakeTools tools = new FakeTools(dir).env("FAKE_SPOTDL_HANG", "song:Track 2 of 1DFixL")
                .env("FAKE_SPOTDL_IGNORE_TERM", "1").install(true, false);
        try (IngestFixture ingest = IngestFixture.start(dir, tools)) {
            String id = ingest.submit(IngestRunnerTest.ALBUM).id();
            ingest.await(id, j -> j.items().size() == 3 && j.items().get(1).percent() >= 70, Duration.ofSeconds(60));

            Job cancelled = ingest.service.cancel(IngestFixture.OWNER, id).block();

            assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
            ingest.await(id, j -> !Files.exists(dir.resolve("data/ingest/staging").resolve(id)), Duration.ofSeconds(10));
            assertNoFakeRunning(dir);
            Job job = ingest.store.find(id).block();
            assertThat(job.state()).isEqualTo(JobState.CANCELLED);
            assertThat(job.items()).extracting(i -> i.state()).containsOnly(ItemState.CANCELLED);
            assertThat(musicFiles(dir)).isEmpty();
        }
    }

    @Test
    void aFailedJobCanBeRetriedAndAToolInstalledLaterIsFoundWithoutRestart(@TempDir Path dir) {
        FakeTools tools = new FakeTools(dir).install(false, false);
        try (IngestFixture ingest = IngestFixture.start(dir, tools)) {
            Job failed = ingest.awaitFinal(ingest.submit(TRACK).id());
            assertThat(failed.state()).isEqualTo(JobState.FAILED);
            assertThat(failed.items().get(0).error()).startsWith("spotDL is not installed").contains("pipx install spotdl");

            tools.install(true, false);
            Job retried = ingest.service.retry(IngestFixture.OWNER, failed.id()).block();
            assertThat(retried.state()).isIn(JobState.QUEUED, JobState.RUNNING);

            Job job = ingest.awaitFinal(failed.id());
            assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(job.items().get(0).trackId()).isNotNull();
        }
    }

    @Test
    void aJobDoesNotStartBelowTheDiskReserve(@TempDir Path dir) {
        FakeTools tools = new FakeTools(dir).env("FAKE_SPOTDL_RECORD", dir.resolve("runs.jsonl").toString())
                .install(true, false);
        try (IngestFixture ingest = IngestFixture.start(dir, tools, s -> s.withLimits(1, Duration.ofSeconds(60), 3,
                Duration.ofMillis(200), Long.MAX_VALUE))) {
            Job job = ingest.awaitFinal(ingest.submit(TRACK).id());

            assertThat(job.state()).isEqualTo(JobState.FAILED);
            assertThat(job.items().get(0).error()).contains("below the").contains("reserve");
            assertThat(dir.resolve("runs.jsonl")).doesNotExist();
        }
    }

    @Test
    void aLinkPastedTwiceIsOneJobAndATrackAlreadyInTheLibraryIsNotDownloadedAgain(@TempDir Path dir) throws IOException {
        FakeTools tools = new FakeTools(dir).env("FAKE_SPOTDL_RECORD", dir.resolve("runs.jsonl").toString())
                .install(true, false);
        AudioFixtures.mp3(dir.resolve("music/Someone/Something/01 - Already Here.mp3")).title("Already Here")
                .artist("Someone").album("Something").sourceUrl(TRACK).seconds(3).write();
        try (IngestFixture ingest = IngestFixture.start(dir, tools)) {
            String existing = ingest.library.catalogue().tracks().get(0).id();
            var first = ingest.service.submit(IngestFixture.OWNER, TRACK).block();
            var second = ingest.service.submit(IngestFixture.FRIEND, "spotify:track:4uLU6hMCjMI75M1A2tKUQC").block();

            assertThat(first.created()).isTrue();
            assertThat(second.created()).isFalse();
            assertThat(second.job().id()).isEqualTo(first.job().id());
            Job job = ingest.awaitFinal(first.job().id());
            assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(job.items().get(0).trackId()).isEqualTo(existing);
            assertThat(job.items().get(0).alreadyInLibrary()).isTrue();
            assertThat(JobView.of(job).items().get(0).note()).isEqualTo("This song is in the library already.");
            assertThat(dir.resolve("runs.jsonl")).doesNotExist();
            assertThat(ingest.service.submit(IngestFixture.OWNER, TRACK + "?si=again").block().job().id())
                    .isEqualTo(first.job().id());

            // once the track has left the library, pasting the link downloads it again
            Files.delete(dir.resolve("music/Someone/Something/01 - Already Here.mp3"));
            ingest.library.scanNow(false);
            var again = ingest.service.submit(IngestFixture.OWNER, TRACK).block();
            assertThat(again.created()).isTrue();
            assertThat(ingest.awaitFinal(again.job().id()).state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(dir.resolve("runs.jsonl")).exists();
        }
    }

    @Test
    void youTubeLinksGoToYtDlpAndAnUnavailableVideoFailsAtOnce(@TempDir Path dir) throws IOException {
        FakeTools tools = new FakeTools(dir).install(true, true);
        try (IngestFixture ingest = IngestFixture.start(dir, tools)) {
            Job job = ingest.awaitFinal(ingest.submit("https://youtu.be/dQw4w9WgXcQ?si=share").id());

            assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
            var track = ingest.library.catalogue().track(job.items().get(0).trackId()).orElseThrow();
            assertThat(track.title()).isEqualTo("Video dQw4w9WgXcQ");
            assertThat(track.sourceUrl()).isEqualTo("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
            assertThat(track.hasEmbeddedCover()).isTrue();
            assertThat(musicFiles(dir)).containsExactly("Channel dQw4/Video dQw4w9WgXcQ/Video dQw4w9WgXcQ.mp3");
        }
        Path other = dir.resolve("second");
        FakeTools failing = new FakeTools(other).env("FAKE_YTDLP_FAIL", "unavailable").install(true, true);
        try (IngestFixture ingest = IngestFixture.start(other, failing)) {
            Job job = ingest.awaitFinal(ingest.submit("https://www.youtube.com/watch?v=aaaaaaaaaaa").id());

            assertThat(job.state()).isEqualTo(JobState.FAILED);
            assertThat(job.attempts()).isEqualTo(1);
            assertThat(job.items().get(0).error()).startsWith("The video cannot be downloaded").contains("Video unavailable");
        }
    }

    /** The audio files in the music folder (lyrics beside them left out). */
    static List<String> musicFiles(Path dir) throws IOException {
        Path music = dir.resolve("music");
        try (Stream<Path> walk = Files.walk(music)) {
            return walk.filter(Files::isRegularFile).filter(p -> AudioFormats.isAudio(p.getFileName().toString()))
                    .map(p -> music.relativize(p).toString()).sorted().toList();
        }
    }

    /** No fake downloader started for this test is still alive: the whole process tree was stopped. */
    static void assertNoFakeRunning(Path dir) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            boolean alive = ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine()
                    .map(c -> c.contains("dev.minstrel.ingest.fake") && c.contains(dir.toString())).orElse(false));
            if (!alive) {
                return;
            }
            assertThat(System.nanoTime()).as("a fake downloader is still running").isLessThan(deadline);
            IngestFixture.sleep(100);
        }
    }
}
