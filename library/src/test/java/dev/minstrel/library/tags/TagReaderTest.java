package dev.minstrel.library.tags;

import dev.minstrel.library.catalogue.CatalogueSettings;
import dev.minstrel.library.fixtures.AudioFixtures;
import dev.minstrel.library.fixtures.AudioFixtures.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TagReaderTest {

    private final TagReader reader = new TagReader(CatalogueSettings.DEFAULTS);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Format.class)
    void readsEveryFieldTheCatalogueNeedsFromEachFormat(Format format) throws Exception {
        Path file = AudioFixtures.of(format, dir.resolve("Artist/Album/01 file." + format.suffix))
                .title("Tïtle ☕").artist("Ana feat. Bo").artists("Ana", "Bo").album("Albüm").albumArtist("Ana")
                .track(3, 12).disc(2, 2).year("1999-04-01").genres("Rock", "Pop").compilation(true)
                .sortNames("Title sort", "Ana sort", "Album sort", "Ana album sort")
                .musicBrainz("mb-track", "mb-album", "mb-artist", "mb-album-artist")
                .replayGain(-6.5, 0.98, -7.25, 0.99).lyrics("[00:01.00]hello").cover(AudioFixtures.png(40, 30))
                .comment("nice").bpm(120).sourceUrl("https://open.spotify.com/track/abc").isrc("us-rc1-76-07839")
                .seconds(30).write();

        TrackTags tags = reader.read(file, "Artist/Album/01 file." + format.suffix);

        assertThat(tags.title()).isEqualTo("Tïtle ☕");
        assertThat(tags.artist()).isEqualTo("Ana feat. Bo");
        assertThat(tags.artists()).containsExactly("Ana", "Bo");
        assertThat(tags.album()).isEqualTo("Albüm");
        assertThat(tags.albumArtist()).isEqualTo("Ana");
        assertThat(tags.trackNumber()).isEqualTo(3);
        assertThat(tags.discNumber()).isEqualTo(2);
        assertThat(tags.year()).isEqualTo(1999);
        assertThat(tags.genres()).containsExactly("Rock", "Pop");
        assertThat(tags.compilation()).isTrue();
        assertThat(tags.sortTitle()).isEqualTo("Title sort");
        assertThat(tags.sortArtist()).isEqualTo("Ana sort");
        assertThat(tags.sortAlbum()).isEqualTo("Album sort");
        assertThat(tags.sortAlbumArtist()).isEqualTo("Ana album sort");
        assertThat(tags.musicBrainzTrackId()).isEqualTo("mb-track");
        assertThat(tags.musicBrainzAlbumId()).isEqualTo("mb-album");
        assertThat(tags.musicBrainzArtistId()).isEqualTo("mb-artist");
        assertThat(tags.musicBrainzAlbumArtistId()).isEqualTo("mb-album-artist");
        assertThat(tags.replayGain().trackGain()).isCloseTo(-6.5, within(0.001));
        assertThat(tags.replayGain().trackPeak()).isCloseTo(0.98, within(0.001));
        assertThat(tags.replayGain().albumGain()).isCloseTo(-7.25, within(0.001));
        assertThat(tags.replayGain().albumPeak()).isCloseTo(0.99, within(0.001));
        assertThat(tags.hasEmbeddedLyrics()).isTrue();
        assertThat(tags.hasEmbeddedCover()).isTrue();
        assertThat(tags.comment()).isEqualTo("nice");
        assertThat(tags.bpm()).isEqualTo(120);
        assertThat(tags.sourceUrl()).isEqualTo("https://open.spotify.com/track/abc");
        assertThat(tags.isrc()).as("compared without case or hyphens").isEqualTo("USRC17607839");
        assertThat(tags.durationSeconds()).isEqualTo(30);
        assertThat(tags.channels()).isEqualTo(1);
        assertThat(tags.bitRate()).isPositive();
        assertThat(tags.suffix()).isEqualTo(format.suffix);
        switch (format) {
            case MP3 -> {
                assertThat(tags.contentType()).isEqualTo("audio/mpeg");
                assertThat(tags.bitRate()).isEqualTo(32);
                assertThat(tags.sampleRate()).isEqualTo(44_100);
                assertThat(tags.bitDepth()).isNull();
            }
            case FLAC -> {
                assertThat(tags.contentType()).isEqualTo("audio/flac");
                assertThat(tags.sampleRate()).isEqualTo(44_100);
                assertThat(tags.bitDepth()).isEqualTo(16);
            }
            case OGG -> assertThat(tags.contentType()).isEqualTo("audio/ogg");
            case OPUS -> {
                assertThat(tags.contentType()).isEqualTo("audio/ogg");
                assertThat(tags.sampleRate()).isEqualTo(48_000);
            }
            case M4A -> {
                assertThat(tags.contentType()).isEqualTo("audio/mp4");
                assertThat(tags.sampleRate()).isEqualTo(44_100);
            }
        }
    }

    @Test
    void aFileCompletedThroughAnEditorReadsFromItAsItWouldFromDisk() throws Exception {
        Path file = AudioFixtures.mp3(dir.resolve("download.mp3")).title("Song").artist("Ana").seconds(12).write();
        TagEditor editor = TagEditor.open(file);
        editor.set(TagEditor.Field.ALBUM, "Completed");
        editor.set(TagEditor.Field.ISRC, "GBAYE0601498");
        editor.addMinstrelId("tr-0123456789abcdEF");
        editor.save();

        TrackTags fromEditor = reader.read(editor, "Ana/Completed/01 - Song.mp3");

        assertThat(fromEditor).isEqualTo(reader.read(file, "Ana/Completed/01 - Song.mp3"));
        assertThat(fromEditor.album()).isEqualTo("Completed");
        assertThat(fromEditor.isrc()).isEqualTo("GBAYE0601498");
        assertThat(fromEditor.minstrelId()).isEqualTo("tr-0123456789abcdEF");
    }

    @Test
    void untaggedFilesFallBackToTheirFileAndFolderNames() throws Exception {
        Path file = AudioFixtures.mp3(dir.resolve("Nina Simone/Pastel Blues/04 - Be My Husband.mp3")).write();

        TrackTags tags = reader.read(file, "Nina Simone/Pastel Blues/04 - Be My Husband.mp3");

        assertThat(tags.title()).isEqualTo("Be My Husband");
        assertThat(tags.album()).isEqualTo("Pastel Blues");
        assertThat(tags.artist()).isEqualTo("Nina Simone");
        assertThat(tags.albumArtist()).isEqualTo("Nina Simone");
        assertThat(tags.genres()).isEmpty();
        assertThat(tags.trackNumber()).isNull();
    }

    @Test
    void untaggedFilesOutsideAnArtistAlbumLayoutAreByUnknownArtist() throws Exception {
        Path file = AudioFixtures.mp3(dir.resolve("loose.mp3")).write();

        TrackTags tags = reader.read(file, "loose.mp3");

        assertThat(tags.title()).isEqualTo("loose");
        assertThat(tags.artist()).isEqualTo(TagReader.UNKNOWN_ARTIST);
        assertThat(tags.album()).isEqualTo(TagReader.UNKNOWN_ALBUM);
    }

    @Test
    void compilationsWithoutAnAlbumArtistGoUnderVariousArtists() throws Exception {
        Path file = AudioFixtures.flac(dir.resolve("c.flac")).title("t").artist("Someone").album("Hits")
                .compilation(true).write();

        assertThat(reader.read(file, "c.flac").albumArtist()).isEqualTo("Various Artists");
    }

    @Test
    void semicolonSeparatedAndNumericId3GenresAreSplitAndNamed() throws Exception {
        Path file = AudioFixtures.mp3(dir.resolve("g.mp3")).title("t").genres("Rock;Synthpop", "(17)", "(13)Pop", "24")
                .write();

        assertThat(reader.read(file, "g.mp3").genres()).containsExactly("Rock", "Synthpop", "Pop", "Soundtrack");
    }

    @Test
    void multiValuedArtistFieldsCreditEachArtist() throws Exception {
        Path file = AudioFixtures.flac(dir.resolve("m.flac")).title("t").artist("Ana", "Bo").write();

        TrackTags tags = reader.read(file, "m.flac");

        assertThat(tags.artists()).containsExactly("Ana", "Bo");
        assertThat(tags.artist()).isEqualTo("Ana, Bo");
    }

    @Test
    void featuringAndSeparatorsSplitCreditsButAmpersandsDoNot() {
        assertThat(Credits.split("Ana feat. Bo")).containsExactly("Ana", "Bo");
        assertThat(Credits.split("Ana (ft. Bo)")).containsExactly("Ana", "Bo");
        assertThat(Credits.split("Ana; Bo / Cy featuring Di")).containsExactly("Ana", "Bo", "Cy", "Di");
        assertThat(Credits.split("Simon & Garfunkel")).containsExactly("Simon & Garfunkel");
        assertThat(Credits.split("AC/DC")).containsExactly("AC/DC");
    }

    @Test
    void trackNumbersOfTheSlashFormAreRead() {
        assertThat(TagReader.number("3/12")).isEqualTo(3);
        assertThat(TagReader.number("03")).isEqualTo(3);
        assertThat(TagReader.number("")).isNull();
        assertThat(TagReader.number("side A")).isNull();
    }

    @Test
    void anEmptyFileIsRefusedInPlainWords() throws Exception {
        Path file = Files.createFile(dir.resolve("empty.mp3"));

        assertThatThrownBy(() -> reader.read(file, "empty.mp3"))
                .isInstanceOf(UnreadableFileException.class).hasMessage("the file is empty");
    }

    @Test
    void aFileThatIsNotAudioIsRefusedInPlainWords() throws Exception {
        Path file = Files.write(dir.resolve("junk.flac"), "this is not a flac file at all".getBytes());

        assertThatThrownBy(() -> reader.read(file, "junk.flac"))
                .isInstanceOf(UnreadableFileException.class).hasMessageStartingWith("not a readable .flac file");
    }

    /** The first {@code bytes} of a five-second file, as a copy cut short leaves it. */
    private Path cutShort(AudioFixtures.Format format, String name, int bytes) throws Exception {
        Path whole = AudioFixtures.of(format, dir.resolve("whole-" + name)).title("t").seconds(5).write();
        return Files.write(dir.resolve(name), java.util.Arrays.copyOf(Files.readAllBytes(whole), bytes));
    }

    @Test
    void aFileCutShortBeforeASecondOfAudioIsRefusedNotIndexedAsZeroSeconds() throws Exception {
        Path cut = cutShort(AudioFixtures.Format.MP3, "cut.mp3", 1000);

        assertThatThrownBy(() -> reader.read(cut, "cut.mp3"))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("no audio");
    }

    @Test
    void reasonsNameTheFileNotWhereTheServerKeepsIt() throws Exception {
        Path cut = cutShort(AudioFixtures.Format.FLAC, "cut.flac", 64);

        assertThatThrownBy(() -> reader.read(cut, "Artist/cut.flac"))
                .isInstanceOf(UnreadableFileException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(dir.toString()).doesNotContain("/tmp"));
    }

    @Test
    void aBitRateIsNeverNegative() throws Exception {
        Path cut = cutShort(AudioFixtures.Format.FLAC, "cut2.flac", 200);

        assertThat(reader.read(cut, "cut2.flac").bitRate()).isNotNegative();
    }

    @Test
    void aBrokenOpusFileIsRefusedInPlainWords() throws Exception {
        Path file = Files.write(dir.resolve("junk.opus"), new byte[100]);

        assertThatThrownBy(() -> reader.read(file, "junk.opus"))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("Ogg");
    }

    @Test
    void embeddedCoverAndLyricsCanBeExtracted() throws Exception {
        byte[] png = AudioFixtures.png(20, 10);
        Path file = AudioFixtures.mp3(dir.resolve("e.mp3")).title("t").cover(png).lyrics("la la").write();

        assertThat(reader.embeddedCover(file)).get().satisfies(image -> {
            assertThat(image.data()).isEqualTo(png);
            assertThat(image.mimeType()).isEqualTo("image/png");
        });
        assertThat(reader.embeddedLyrics(file)).contains("la la");
    }
}
