package dev.minstrel.analytics.imports;

import dev.minstrel.analytics.listen.ListenedTrack;
import dev.minstrel.library.catalogue.Catalogue;
import dev.minstrel.library.catalogue.Track;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the library track of an imported listen: by its MusicBrainz recording id (the track's
 * "MusicBrainz Track Id" tag, which Picard fills with the recording id), else by artist and title
 * compared without case, accents or punctuation, with lengths (when the file gives one) at most
 * {@link #DURATION_TOLERANCE_SECONDS} apart; of several, the one on the same album, then the
 * closest in length. A listen of no library track keeps its names under an id made from them
 * ({@code ext-...}), so all its listens count together in the stats as a track that left the
 * library does.
 */
final class TrackMatcher {

    static final int DURATION_TOLERANCE_SECONDS = 10;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final Map<String, Track> byRecording = new HashMap<>();
    private final Map<String, List<Track>> byName = new HashMap<>();

    TrackMatcher(Catalogue catalogue) {
        for (Track track : catalogue.tracks()) {
            if (track.musicBrainzTrackId() != null && !track.musicBrainzTrackId().isBlank()) {
                byRecording.putIfAbsent(track.musicBrainzTrackId().strip().toLowerCase(Locale.ROOT), track);
            }
            if (track.artist() != null && track.title() != null) {
                byName.computeIfAbsent(key(track.artist(), track.title()), k -> new ArrayList<>()).add(track);
            }
        }
    }

    Optional<Track> match(ImportedListen listen) {
        if (listen.recordingMbid() != null) {
            Track track = byRecording.get(listen.recordingMbid().strip().toLowerCase(Locale.ROOT));
            if (track != null) {
                return Optional.of(track);
            }
        }
        long seconds = Math.round(listen.durationMs() / 1000.0);
        String album = listen.album() == null ? "" : normal(listen.album());
        return byName.getOrDefault(key(listen.artist(), listen.title()), List.of()).stream()
                .filter(track -> seconds <= 0 || track.durationSeconds() <= 0
                        || Math.abs(track.durationSeconds() - seconds) <= DURATION_TOLERANCE_SECONDS)
                .min(Comparator.<Track, Boolean>comparing(track -> !normal(String.valueOf(track.album())).equals(album))
                        .thenComparing(track -> seconds <= 0 ? 0 : Math.abs(track.durationSeconds() - seconds)));
    }

    /** The track of a listen that matched nothing: its names, under ids made from them. */
    static ListenedTrack outsideLibrary(ImportedListen listen) {
        String artist = normal(listen.artist());
        return new ListenedTrack(id("t", artist, normal(listen.title())), listen.title(), listen.artist(),
                id("a", artist), listen.album(), listen.album() == null ? null : id("r", artist, normal(listen.album())),
                null, (int) (listen.durationMs() / 1000));
    }

    static String normal(String text) {
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        return NOT_LETTERS.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    private static String key(String artist, String title) {
        return normal(artist) + '\u0000' + normal(title);
    }

    private static String id(String kind, String... names) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\u0000", names).getBytes(StandardCharsets.UTF_8));
            return "ext-" + kind + "-" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
