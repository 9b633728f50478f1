package dev.minstrel.ingest;

import dev.minstrel.ingest.events.IngestEvent;
import dev.minstrel.ingest.fake.FakeTools;
import dev.minstrel.ingest.job.Job;
import dev.minstrel.ingest.job.JobItem;
import dev.minstrel.ingest.job.JobState;
import dev.minstrel.library.catalogue.Track;
import dev.minstrel.library.tags.TagEditor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.minstrel.ingest.IngestFailuresTest.musicFiles;
import static dev.minstrel.ingest.IngestRunnerTest.ALBUM;
import static dev.minstrel.ingest.IngestRunnerTest.TRACK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a landed file carries to be known again (its source, its ISRC, its Minstrel id), and songs
 * the library has already recognised by them: never downloaded or landed a second time, each such
 * item saying so with the existing track's id.
 */
class LibraryIdentityTest {

    private static final String ISRC = "GBAYE0601498";
    private static final String VIDEO = "https://www.youtube.com/watch?v=PLabcdefgh1";
    /** The fake yt-dlp's playlist: videos PLabcdefgh1 and PLabcdefgh2. */
    private static final String PLAYLIST = "https://www.youtube.com/playlist?list=PLabcdefghijklmnop";

    @Test
    void aLandedFileCarriesItsSourceItsIsrcAndItsMinstrelIdAddingWhatTheDownloaderLeftOut(@TempDir Path dir)
            throws Exception {
        FakeTools tools = new FakeTools(dir).env("FAKE_SPOTDL_ISRC", "Song 4uLU6h=" + ISRC)
                .env("FAKE_SPOTDL_NO_ISRC_TAG", "1").install(true, true);
        try (IngestFixture ingest = IngestFixture.start(dir, tools)) {
            String spotify = ingest.awaitFinal(ingest.submit(TRACK).id()).items().get(0).trackId();
            String youTube = ingest.awaitFinal(ingest.submit(VIDEO).id()).items().get(0).trackId();

            TagEditor song = TagEditor.open(dir.resolve("music/Artist 4uLU6h/Album 4uLU6h/01 - Song 4uLU6h.mp3"));
            assertThat(song.sourceUrl()).isEqualTo(TRACK);
            assertThat(song.get(TagEditor.Field.ISRC)).as("from spotDL's save file").isEqualTo(ISRC);
            assertThat(song.minstrelId()).isEqualTo(spotify);
            assertThat(ingest.library.catalogue().track(spotify).orElseThrow().isrc()).isEqualTo(ISRC);

            TagEditor video = TagEditor.open(dir.resolve("music/Channel PLab/Video PLabcdefgh1/Video PLabcdefgh1.mp3"));
            assertThat(video.sourceUrl()).isEqualTo(VIDEO);
            assertThat(video.get(TagEditor.Field.ISRC)).as("YouTube gives none").isNull();
            assertThat(video.minstrelId()).isEqualTo(youTube);
        }
    }

    @Test
    void aPlaylistsVideosTheLibraryHasAreSkippedBeforeTheyDownloadAndSaySo(@TempDir Path dir) throws Exception {
        FakeTools tools = new FakeTools(dir).install(false, true);
        try (IngestFixture ingest = IngestFixture.start(dir, tools)) {
            String existing = ingest.awaitFinal(ingest.submit(VIDEO).id()).items().get(0).trackId();
            List<IngestEvent> seen = new CopyOnWriteArrayList<>();
            Disposable listening = ingest.events.live().subscribe(seen::add);

            Job job = ingest.awaitFinal(ingest.submit(PLAYLIST).id());
            listening.dispose();

            assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(job.items()).hasSize(2);
            JobItem present = job.items().get(0);
            assertThat(present.alreadyInLibrary()).isTrue();
            assertThat(present.trackId()).isEqualTo(existing);
            assertThat(present.title()).isEqualTo("Video PLabcdefgh1");
            assertThat(job.items().get(1).alreadyInLibrary()).isFalse();
            assertThat(job.items().get(1).trackId()).isNotEqualTo(existing).startsWith("tr-");
            assertThat(seen).filteredOn(e -> e.jobId().equals(job.id()) && e.item() != null && e.index() == 0)
                    .as("the video the library has never started downloading")
                    .allSatisfy(e -> assertThat(e.item().state()).isEqualTo("succeeded"))
                    .anySatisfy(e -> assertThat(e.item().note()).isEqualTo("This song is in the library already."));
            assertThat(musicFiles(dir)).containsExactly("Channel PLab/Video PLabcdefgh1/Video PLabcdefgh1.mp3",
                    "Channel PLab/Video PLabcdefgh2/Video PLabcdefgh2.mp3");
        }
    }

    @Test
    void aSongOfAnAlbumWhoseRecordingTheLibraryHasFromAnotherLinkIsNotLandedTwice(@TempDir Path dir) throws Exception {
        FakeTools single = new FakeTools(dir).env("FAKE_SPOTDL_ISRC", "Song 4uLU6h=" + ISRC).install(true, false);
        try (IngestFixture ingest = IngestFixture.start(dir, single)) {
            String existing = ingest.awaitFinal(ingest.submit(TRACK).id()).items().get(0).trackId();

            new FakeTools(dir).env("FAKE_SPOTDL_ISRC", "Track 2=" + ISRC).install(true, false);
            Job album = ingest.awaitFinal(ingest.submit(ALBUM).id());

            assertThat(album.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(album.items()).extracting(JobItem::alreadyInLibrary).containsExactly(false, true, false);
            assertThat(album.items().get(1).trackId()).isEqualTo(existing);
            assertThat(musicFiles(dir)).containsExactly("Artist 1DFixL/Album 1DFixL/01 - Track 1 of 1DFixL.mp3",
                    "Artist 1DFixL/Album 1DFixL/03 - Track 3 of 1DFixL.mp3", "Artist 4uLU6h/Album 4uLU6h/01 - Song 4uLU6h.mp3");
            assertThat(ingest.library.catalogue().tracks()).extracting(Track::isrc).containsOnlyOnce(ISRC);
        }
    }
}
