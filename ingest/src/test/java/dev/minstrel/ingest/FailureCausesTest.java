package dev.minstrel.ingest;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.minstrel.ingest.events.JobView;
import dev.minstrel.ingest.fake.FakeTools;
import dev.minstrel.ingest.job.ItemState;
import dev.minstrel.ingest.job.Job;
import dev.minstrel.ingest.job.JobState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.minstrel.ingest.IngestRunnerTest.TRACK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each cause of a failure the owner can act on, as the fakes reproduce it: the job names it in
 * plain words with what to do, keeps the downloader's own last lines, is retried only when waiting
 * can help, and a failed link can be retried by pasting it again or with everything else that failed.
 */
class FailureCausesTest {

    private static final String PLAYLIST = "https://open.spotify.com/playlist/37i9dQZF1DXcBWIGoYBM5M";
    private static final String VIDEO = "https://www.youtube.com/watch?v=aaaaaaaaaaa";

    private static IngestFixture start(Path dir, FakeTools tools, int maxAttempts) {
        return IngestFixture.start(dir, tools, s -> s.withLimits(1, Duration.ofSeconds(60), maxAttempts,
                Duration.ofMillis(200), 0));
    }

    @Test
    void spotifyRefusingAPlaylistSaysWhatToDoAndKeepsSpotdlsOwnLines(@TempDir Path dir) {
        FakeTools tools = new FakeTools(dir).env("FAKE_SPOTDL_SPOTIFY_403", "1").install(true, false);
        try (IngestFixture ingest = IngestFixture.start(dir, tools)) {
            Job job = ingest.awaitFinal(ingest.submit(PLAYLIST).id());

            assertThat(job.state()).isEqualTo(JobState.FAILED);
            assertThat(job.attempts()).isEqualTo(1);
            assertThat(job.items().get(0).error()).startsWith("Spotify refused the request (HTTP 403)")
                    .contains("Since 2026 Spotify limits personal apps").contains("client id and secret");
            assertThat(job.output()).anySatisfy(line -> assertThat(line).startsWith("SpotifyException: http status: 403"));
        }
    }

    @Test
    void aLongSpotifyRateLimitSaysWhenTheJobWillRetry(@TempDir Path dir) {
        FakeTools tools = new FakeTools(dir).env("FAKE_SPOTDL_RATELIMIT", "86400").install(true, false);
        try (IngestFixture ingest = IngestFixture.start(dir, tools)) {
            String id = ingest.submit(TRACK).id();
            Job job = ingest.await(id, j -> j.state() == JobState.QUEUED && j.attempts() == 1, Duration.ofSeconds(30));

            assertThat(job.items().get(0).state()).isEqualTo(ItemState.QUEUED);
            assertThat(job.items().get(0).error()).startsWith("Spotify is rate limiting spotDL and asked it to wait 24 h 00 min")
                    .containsPattern("the job will retry after \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC")
                    .contains("minstrel.ingest.spotify-client-id");
            JobView view = JobView.of(job);
            assertThat(Instant.parse(view.retryAt())).isAfter(Instant.now().plus(Duration.ofHours(23)));
            assertThat(view.output()).anySatisfy(line -> assertThat(line).contains("Retry will occur after: 86400"));
        }
    }

    @Test
    void youTubesBotCheckIsNamedAndRetriedWithBackoff(@TempDir Path dir) {
        FakeTools tools = new FakeTools(dir).env("FAKE_YTDLP_FAIL", "bot").install(false, true);
        try (IngestFixture ingest = start(dir, tools, 2)) {
            Job job = ingest.awaitFinal(ingest.submit(VIDEO).id());

            assertThat(job.state()).isEqualTo(JobState.FAILED);
            assertThat(job.attempts()).isEqualTo(2);
            assertThat(job.items().get(0).error()).startsWith("YouTube asked for a bot check")
                    .contains("the job will be retried later");
            assertThat(job.output()).anySatisfy(line -> assertThat(line).contains("Sign in to confirm you're not a bot"));
        }
    }

    @Test
    void theBotCheckBehindSpotdlsBareProviderErrorIsNamedToo(@TempDir Path dir) {
        FakeTools tools = new FakeTools(dir).env("FAKE_SPOTDL_FAIL", "*:bot").install(true, false);
        try (IngestFixture ingest = start(dir, tools, 1)) {
            Job job = ingest.awaitFinal(ingest.submit(TRACK).id());

            assertThat(job.state()).isEqualTo(JobState.FAILED);
            assertThat(job.items().get(0).error()).startsWith("YouTube asked for a bot check").contains("spotDL: ERROR: [youtube]");
        }
    }

    @Test
    void aMissingJavaScriptRuntimeSaysToInstallDenoAndIsNotRetried(@TempDir Path dir) {
        FakeTools tools = new FakeTools(dir).env("FAKE_YTDLP_FAIL", "nojs").install(false, true);
        try (IngestFixture ingest = IngestFixture.start(dir, tools)) {
            Job job = ingest.awaitFinal(ingest.submit(VIDEO).id());

            assertThat(job.state()).isEqualTo(JobState.FAILED);
            assertThat(job.attempts()).isEqualTo(1);
            assertThat(job.items().get(0).error()).startsWith("yt-dlp found no JavaScript runtime")
                    .contains("install Deno").contains("Requested format is not available");
        }
        Path other = dir.resolve("through-spotdl");
        FakeTools spotdl = new FakeTools(other).env("FAKE_SPOTDL_FAIL", "*:nojs").install(true, false);
        try (IngestFixture ingest = IngestFixture.start(other, spotdl)) {
            Job job = ingest.awaitFinal(ingest.submit(TRACK).id());

            assertThat(job.attempts()).isEqualTo(1);
            assertThat(job.items().get(0).error()).startsWith("yt-dlp found no JavaScript runtime");
        }
    }

    @Test
    void aFullDiskIsNamedAndNotRetried(@TempDir Path dir) {
        FakeTools tools = new FakeTools(dir).env("FAKE_SPOTDL_DISK_FULL", "1").install(true, false);
        try (IngestFixture ingest = IngestFixture.start(dir, tools)) {
            Job job = ingest.awaitFinal(ingest.submit(TRACK).id());

            assertThat(job.attempts()).isEqualTo(1);
            assertThat(job.items().get(0).error()).startsWith("The disk is full (no space left on device): free some space")
                    .contains("[Errno 28]");
        }
        Path other = dir.resolve("yt-dlp");
        FakeTools ytDlp = new FakeTools(other).env("FAKE_YTDLP_FAIL", "diskfull").install(false, true);
        try (IngestFixture ingest = IngestFixture.start(other, ytDlp)) {
            Job job = ingest.awaitFinal(ingest.submit(VIDEO).id());

            assertThat(job.attempts()).isEqualTo(1);
            assertThat(job.items().get(0).error()).startsWith("The disk is full");
        }
    }

    @Test
    void aDownloaderThatCannotStartSaysToReinstallIt(@TempDir Path dir) throws IOException {
        FakeTools tools = new FakeTools(dir).install(false, false);
        Path broken = tools.bin().resolve("spotdl");
        Files.writeString(broken, "#!" + dir.resolve("deleted-venv/bin/python3") + "\n");
        Files.setPosixFilePermissions(broken, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (IngestFixture ingest = IngestFixture.start(dir, tools)) {
            Job job = ingest.awaitFinal(ingest.submit(TRACK).id());

            assertThat(job.state()).isEqualTo(JobState.FAILED);
            assertThat(job.attempts()).isEqualTo(1);
            assertThat(job.items().get(0).error()).startsWith("spotDL could not be started").contains("reinstall it");
        }
    }

    @Test
    void aFailedJobIsLoggedOnceWithItsIdAndReason(@TempDir Path dir) {
        Logger logger = (Logger) LoggerFactory.getLogger(RetryPolicy.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        FakeTools tools = new FakeTools(dir).env("FAKE_YTDLP_FAIL", "bot").install(false, true);
        try (IngestFixture ingest = start(dir, tools, 3)) {
            String id = ingest.awaitFinal(ingest.submit(VIDEO).id()).id();

            List<String> lines = logged.list.stream().filter(e -> e.getLevel() == Level.WARN)
                    .map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains(id)).toList();
            assertThat(lines).singleElement().satisfies(line -> assertThat(line)
                    .startsWith("ingest job " + id + " failed after 3 run(s)").contains("YouTube asked for a bot check"));
        } finally {
            logger.detachAppender(logged);
        }
    }

    @Test
    void aFailedLinkPastedAgainRetriesTheSameJob(@TempDir Path dir) {
        FakeTools tools = new FakeTools(dir).env("FAKE_SPOTDL_FAIL", "*:noresults").install(true, false);
        try (IngestFixture ingest = IngestFixture.start(dir, tools)) {
            Job failed = ingest.awaitFinal(ingest.submit(TRACK).id());
            assertThat(failed.state()).isEqualTo(JobState.FAILED);

            new FakeTools(dir).install(true, false); // the song turned up on YouTube Music since
            IngestService.Submission again = ingest.service.submit(IngestFixture.OWNER, TRACK + "?si=again").block();

            assertThat(again.created()).isFalse();
            assertThat(again.job().id()).isEqualTo(failed.id());
            assertThat(again.job().state()).isIn(JobState.QUEUED, JobState.RUNNING);
            assertThat(ingest.awaitFinal(failed.id()).state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(ingest.store.page(null, 0, 10).block().total()).isEqualTo(1);
        }
    }

    @Test
    void retryFailedQueuesEveryFailedJobTheRequesterSeesAgain(@TempDir Path dir) {
        FakeTools tools = new FakeTools(dir).install(false, false);
        try (IngestFixture ingest = IngestFixture.start(dir, tools)) {
            String mine = ingest.awaitFinal(ingest.service.submit(IngestFixture.FRIEND, TRACK).block().job().id()).id();
            String owners = ingest.awaitFinal(ingest.submit(PLAYLIST).id()).id();

            tools.install(true, false);
            List<Job> friendRetried = ingest.service.retryFailed(IngestFixture.FRIEND).block();
            assertThat(friendRetried).extracting(Job::id).containsExactly(mine);
            assertThat(ingest.awaitFinal(mine).state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(ingest.store.find(owners).block().state()).isEqualTo(JobState.FAILED);

            List<Job> ownerRetried = ingest.service.retryFailed(IngestFixture.OWNER).block();
            assertThat(ownerRetried).extracting(Job::id).containsExactly(owners);
            assertThat(ingest.awaitFinal(owners).state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(ingest.service.retryFailed(IngestFixture.OWNER).block()).isEmpty();
        }
    }
}
