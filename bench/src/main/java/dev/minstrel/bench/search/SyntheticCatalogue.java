package dev.minstrel.bench.search;

import dev.minstrel.library.catalogue.ArtistRef;
import dev.minstrel.library.catalogue.Catalogue;
import dev.minstrel.library.catalogue.CatalogueSettings;
import dev.minstrel.library.catalogue.Ids;
import dev.minstrel.library.catalogue.ReplayGain;
import dev.minstrel.library.catalogue.Track;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A catalogue of any size built in memory from made-up but realistic names (accents, articles,
 * shared words), for benchmarks that measure the catalogue and not the disk.
 */
public final class SyntheticCatalogue {

    static final String[] WORDS = {"love", "night", "the", "beat", "fire", "dream", "blue", "heart", "río",
            "canción", "sommer", "nacht", "étoile", "soleil", "golden", "river", "storm", "city", "light", "shadow",
            "dance", "summer", "winter", "ghost", "silver", "echo", "wild", "paper", "glass", "ocean", "moon",
            "velvet", "neon", "electric", "quiet", "broken", "kingdom", "garden", "mirror", "thunder", "çava",
            "zürich", "smile", "rain", "highway", "angel", "satellite", "coffee", "midnight", "paradise"};

    private SyntheticCatalogue() {
    }

    public static List<Track> tracks(int count, long seed) {
        Random random = new Random(seed);
        int artists = Math.max(1, count / 40);
        List<Track> tracks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int artistNo = random.nextInt(artists);
            String artist = (artistNo % 7 == 0 ? "The " : "") + capital(word(random)) + " " + capital(word(random))
                    + " " + artistNo;
            String album = capital(word(random)) + " " + word(random) + " " + (i / 12);
            String title = capital(word(random)) + " " + word(random) + " " + word(random);
            String artistId = Ids.artistId(artist);
            tracks.add(new Track(Ids.newTrackId(), artist + "/" + album + "/" + i + ".mp3", Ids.folderId(artist + "/" + album),
                    title, album, Ids.albumId(artist, album), artist, artistId, List.of(new ArtistRef(artistId, artist)),
                    artist, List.of(new ArtistRef(artistId, artist)), i % 12 + 1, 1, 1970 + random.nextInt(55),
                    List.of(capital(word(random))), 180 + random.nextInt(120), 320, 44100, 2, null, 7_000_000L, "mp3",
                    "audio/mpeg", false, null, null, null, null, null, null, null, null, ReplayGain.NONE, false, false,
                    null, null, null, null, null, 0L, Instant.EPOCH));
        }
        return tracks;
    }

    public static Catalogue catalogue(int count, long seed) {
        return Catalogue.build(tracks(count, seed), Map.of(), CatalogueSettings.DEFAULTS, Instant.EPOCH);
    }

    static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private static String capital(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
