package dev.minstrel.analytics;

import dev.minstrel.library.catalogue.ArtistRef;
import dev.minstrel.library.catalogue.Catalogue;
import dev.minstrel.library.catalogue.CatalogueSettings;
import dev.minstrel.library.catalogue.Ids;
import dev.minstrel.library.catalogue.Track;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Real catalogue tracks built in memory, no audio files needed. */
public final class TestTracks {

    private TestTracks() {
    }

    public static Track track(String id, String title, String artist, String album, String genre, int seconds) {
        return track(id, title, artist, album, genre, seconds, null);
    }

    /** @param recordingMbid its "MusicBrainz Track Id" tag (a MusicBrainz recording id), or null */
    public static Track track(String id, String title, String artist, String album, String genre, int seconds,
                              String recordingMbid) {
        ArtistRef credit = new ArtistRef(Ids.artistId(artist), artist);
        return new Track(id, artist + "/" + album + "/" + title + ".mp3", Ids.folderId(artist + "/" + album), title,
                album, Ids.albumId(artist, album), artist, credit.id(), List.of(credit), artist, List.of(credit),
                1, 1, 2020, genre == null ? List.of() : List.of(genre), seconds, 320, 44100, 2, null, 1000L, "mp3",
                "audio/mpeg", false, null, null, null, null, recordingMbid, null, null, null, null, false, false, null, null,
                null, null, null, 0L, Instant.EPOCH);
    }

    public static Catalogue catalogue(List<Track> tracks) {
        return Catalogue.build(tracks, Map.of(), CatalogueSettings.DEFAULTS, Instant.EPOCH);
    }
}
