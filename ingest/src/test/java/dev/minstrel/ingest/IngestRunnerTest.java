package dev.minstrel.ingest;

import dev.minstrel.ingest.fake.FakeTools;
import dev.minstrel.ingest.job.ItemState;
import dev.minstrel.ingest.job.Job;
import dev.minstrel.ingest.job.JobState;
import dev.minstrel.library.catalogue.Track;
import dev.minstrel.library.lyrics.Lyrics;
import dev.minstrel.library.search.SearchQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class IngestRunnerTest {

    static final String TRACK = "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC";
    static final String ALBUM = "https://open.spotify.com/album/1DFixLWuPkv3KT3TnV35m3";

    @Test
    void aSpotifyTrackLandsTaggedInTheLibraryAndAnswersSearchWhenTheJobSucceeds(@TempDir Path dir) throws Exception {
        FakeTools tools = new FakeTools(dir).env("FAKE_SPOTDL_RECORD", dir.resolve("runs.jsonl").toString()).install(true, false);
        try (IngestFixture ingest = IngestFixture.start(dir, tools)) {
            Job job = ingest.awaitFinal(ingest.submit(TRACK + "?si=abc").id());

            assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(job.attempts()).isEqualTo(1);
            assertThat(job.items()).singleElement().satisfies(item -> {
                assertThat(item.state()).isEqualTo(ItemState.SUCCEEDED);
                assertThat(item.percent()).isEqualTo(100);
                assertThat(item.title()).isEqualTo("Song 4uLU6h");
                assertThat(item.artist()).isEqualTo("Artist 4uLU6h");
                assertThat(item.trackId()).startsWith("tr-");
            });
            Path file = dir.resolve("music/Artist 4uLU6h/Album 4uLU6h/01 - Song 4uLU6h.mp3");
            assertThat(file).isRegularFile();
            Track track = ingest.library.catalogue().track(job.items().get(0).trackId()).orElseThrow();
            assertThat(track.sourceUrl()).isEqualTo(TRACK);
            assertThat(track.hasEmbeddedCover()).isTrue();
            assertThat(ingest.library.catalogue().search(new SearchQuery("Song 4uLU6h", 0, 0, 0, 0, 10, 0)).tracks())
                    .extracting(Track::id).containsExactly(track.id());
            assertThat(dir.resolve("data/ingest/staging").resolve(job.id())).doesNotExist();
            String run = Files.readString(dir.resolve("runs.jsonl"));
            assertThat(run).contains("\"--\", \"" + TRACK + "\"").contains("\"COLUMNS\": \"1000\"")
                    .contains("\"HOME\": \"" + dir.resolve("data/ingest/home") + "\"");
        }
    }

    @Test
    void anAlbumLinkYieldsOneItemPerTrack(@TempDir Path dir) {
        FakeTools tools = new FakeTools(dir).install(true, false);
        try (IngestFixture ingest = IngestFixture.start(dir, tools)) {
            Job job = ingest.awaitFinal(ingest.submit(ALBUM).id());

            assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(job.items()).hasSize(3).allSatisfy(item -> assertThat(item.trackId()).isNotNull());
            assertThat(job.items()).extracting(i -> i.title())
                    .containsExactly("Track 1 of 1DFixL", "Track 2 of 1DFixL", "Track 3 of 1DFixL");
            try (Stream<Path> files = Files.list(dir.resolve("music/Artist 1DFixL/Album 1DFixL"))) {
                assertThat(files.map(p -> p.getFileName().toString()).sorted())
                        .containsExactly("01 - Track 1 of 1DFixL.lrc", "01 - Track 1 of 1DFixL.mp3", "02 - Track 2 of 1DFixL.lrc",
                                "02 - Track 2 of 1DFixL.mp3", "03 - Track 3 of 1DFixL.lrc", "03 - Track 3 of 1DFixL.mp3");
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void syncedLyricsLandBesideTheirSongsAndAreWhatTheLibraryServesForThem(@TempDir Path dir) {
        FakeTools tools = new FakeTools(dir).env("FAKE_SPOTDL_NO_LYRICS", "Track 2").install(true, false);
        try (IngestFixture ingest = IngestFixture.start(dir, tools)) {
            Job job = ingest.awaitFinal(ingest.submit(ALBUM).id());
            assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);

            Path album = dir.resolve("music/Artist 1DFixL/Album 1DFixL");
            assertThat(album.resolve("01 - Track 1 of 1DFixL.lrc")).isRegularFile();
            assertThat(album.resolve("02 - Track 2 of 1DFixL.lrc")).doesNotExist();
            assertThat(album.resolve("03 - Track 3 of 1DFixL.lrc")).isRegularFile();
            Track first = ingest.library.catalogue().track(job.items().get(0).trackId()).orElseThrow();
            Lyrics lyrics = ingest.library.lyrics(first).orElseThrow();
            assertThat(lyrics.synced()).isTrue();
            assertThat(lyrics.lines()).containsExactly(new Lyrics.Line(500L, "First line of Track 1 of 1DFixL"),
                    new Lyrics.Line(1750L, "Second line of Track 1 of 1DFixL"));
            Track second = ingest.library.catalogue().track(job.items().get(1).trackId()).orElseThrow();
            assertThat(ingest.library.lyrics(second)).isEmpty();
        }
    }

    @Test
    void downloadsRunOneAtATimeByDefault(@TempDir Path dir) throws Exception {
        Path lines = dir.resolve("lines.log");
        FakeTools tools = new FakeTools(dir).env("FAKE_SPOTDL_LINE_LOG", lines.toString()).install(true, false);
        try (IngestFixture ingest = IngestFixture.start(dir, tools)) {
            String first = ingest.submit("https://open.spotify.com/track/1111111111111111111111").id();
            String second = ingest.submit("https://open.spotify.com/track/2222222222222222222222").id();
            assertThat(ingest.awaitFinal(first).state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(ingest.awaitFinal(second).state()).isEqualTo(JobState.SUCCEEDED);
        }
        var log = Files.readAllLines(lines).stream().map(l -> l.split("\t", 2)[1]).toList();
        int secondStarts = log.indexOf("Processing query: https://open.spotify.com/track/2222222222222222222222");
        int firstDone = log.stream().filter(l -> l.startsWith("Downloaded \"Artist 111111")).findFirst()
                .map(log::indexOf).orElseThrow();
        assertThat(secondStarts).isGreaterThan(firstDone);
    }

    @Test
    void aYouTubePlaylistYieldsOneItemPerVideo(@TempDir Path dir) {
        FakeTools tools = new FakeTools(dir).install(false, true);
        try (IngestFixture ingest = IngestFixture.start(dir, tools)) {
            Job job = ingest.awaitFinal(ingest.submit("https://www.youtube.com/playlist?list=PLabcdefghijklmnop").id());

            assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(job.kind()).isEqualTo("playlist");
            assertThat(job.items()).hasSize(2).allSatisfy(item -> {
                assertThat(item.trackId()).isNotNull();
                assertThat(item.title()).startsWith("Video PLabcdefgh");
            });
        }
    }
}
