package dev.minstrel.ingest.watch;

import dev.minstrel.ingest.IngestFixture;
import dev.minstrel.ingest.IngestSettings;
import dev.minstrel.ingest.download.PlaylistReader;
import dev.minstrel.ingest.fake.FakeTools;
import dev.minstrel.ingest.link.LinkParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading a playlist's entries in order with the fakes of spotDL ({@code spotdl save}) and yt-dlp
 * ({@code --flat-playlist -J}), run as child processes the way a watch runs them, and each way
 * reading fails named in the same plain words as a failed download.
 */
class PlaylistListingTest {

    @TempDir
    Path dir;

    private PlaylistListing.Result read(FakeTools tools, String url) {
        IngestSettings settings = IngestFixture.testSettings(dir, tools);
        return new PlaylistListing(settings).read(new LinkParser().parse(url), dir.resolve("work"));
    }

    private static PlaylistReader.Listing listed(PlaylistListing.Result result) {
        assertThat(result).isInstanceOf(PlaylistListing.Listed.class);
        return ((PlaylistListing.Listed) result).listing();
    }

    @Test
    void spotdlSaveGivesTheSpotifyTracksInThePlaylistsOrderAndItsName() throws Exception {
        Path playlist = Files.writeString(dir.resolve("playlist.txt"), "Zz9aaaQ2bD9sL8TQeGVwdM\nAb1bbbQ2bD9sL8TQeGVwdM\n");
        FakeTools tools = new FakeTools(dir).env("FAKE_SPOTDL_PLAYLIST", playlist.toString()).install(true, false);

        PlaylistReader.Listing listing = listed(read(tools, "https://open.spotify.com/playlist/37i9dQZF1DXcBWIGoYBM5M?si=x"));

        assertThat(listing.entries()).containsExactly("https://open.spotify.com/track/Zz9aaaQ2bD9sL8TQeGVwdM",
                "https://open.spotify.com/track/Ab1bbbQ2bD9sL8TQeGVwdM");
        assertThat(listing.title()).isEqualTo("Playlist 37i9dQ");
        assertThat(dir.resolve("work")).as("the read's folder is removed").doesNotExist();
        assertThat(dir.resolve("music")).as("nothing is downloaded").doesNotExist();
    }

    @Test
    void ytDlpFlatPlaylistGivesTheVideosInOrderAndThePlaylistsTitle() throws Exception {
        Path playlist = Files.writeString(dir.resolve("videos.txt"), "dQw4w9WgXcQ\n9bZkp7q19f0\n");
        FakeTools tools = new FakeTools(dir).env("FAKE_YTDLP_PLAYLIST", playlist.toString()).install(false, true);

        PlaylistReader.Listing listing = listed(read(tools,
                "https://www.youtube.com/playlist?list=PLFgquLnL59alCl_2TQvOiD5Vgm1hCaGSI"));

        assertThat(listing.entries()).containsExactly("https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                "https://www.youtube.com/watch?v=9bZkp7q19f0");
        assertThat(listing.title()).isEqualTo("Playlist PLFgquLnL59alCl_2TQvOiD5Vgm1hCaGSI");
    }

    @Test
    void aRefusalOrABotCheckOrAMissingToolIsNamedAsForADownload() {
        FakeTools refused = new FakeTools(dir).env("FAKE_SPOTDL_SPOTIFY_403", "1").install(true, false);
        PlaylistListing.Result spotify = read(refused, "https://open.spotify.com/playlist/37i9dQZF1DXcBWIGoYBM5M");
        assertThat(spotify).isInstanceOfSatisfying(PlaylistListing.Failed.class, failed -> {
            assertThat(failed.failure().reason()).startsWith("Spotify refused the request (HTTP 403).");
            assertThat(failed.failure().transientFailure()).isFalse();
        });

        FakeTools bot = new FakeTools(dir).env("FAKE_YTDLP_FAIL", "bot").install(false, true);
        PlaylistListing.Result youTube = read(bot, "https://www.youtube.com/playlist?list=PLFgquLnL59alCl_2TQvOiD5Vgm1hCaGSI");
        assertThat(youTube).isInstanceOfSatisfying(PlaylistListing.Failed.class, failed -> {
            assertThat(failed.failure().reason()).startsWith("YouTube asked for a bot check");
            assertThat(failed.failure().transientFailure()).isTrue();
        });

        FakeTools none = new FakeTools(dir).install(false, false);
        PlaylistListing.Result missing = read(none, "https://open.spotify.com/playlist/37i9dQZF1DXcBWIGoYBM5M");
        assertThat(missing).isInstanceOfSatisfying(PlaylistListing.Failed.class,
                failed -> assertThat(failed.failure().reason()).startsWith("spotDL is not installed"));
    }
}
