package dev.minstrel.ingest.landing;

import dev.minstrel.library.catalogue.Ids;
import dev.minstrel.library.tags.TagEditor;
import dev.minstrel.library.tags.TagEditor.Field;
import dev.minstrel.library.tags.TagReader;
import dev.minstrel.library.tags.UnreadableFileException;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Checks a downloaded file and completes its tags: it must read as audio of a sane length (and not
 * much shorter than the source announced: a truncated download), and it leaves with a title,
 * artist, album artist, album, the source URL (ID3 WOAS, where spotDL puts the Spotify link), the
 * ISRC when the file or its source knows it (ID3 TSRC) and the track's Minstrel id (ID3 TXXX
 * MINSTREL_ID), which keeps its id, plays and stars across retags and moves. A file is opened once
 * ({@link #open}); the same editor names it, completes it and is what the library indexes.
 */
public final class TagCompletion {

    private static final double MIN_SECONDS = 1;
    private static final double MAX_SECONDS = 4 * 3600;

    /** Reads a downloaded file's tags and audio header, once. */
    public TagEditor open(Path file) throws LandingException {
        try {
            return TagEditor.open(file);
        } catch (UnreadableFileException e) {
            throw new LandingException("The downloaded file is not readable audio (" + e.getMessage() + ").");
        }
    }

    /**
     * Checks the file's length and completes its tags, saving them to the file.
     *
     * @param file            the file {@code tags} was opened from
     * @param expectedSeconds the length the source announced, 0 when unknown
     * @param sourceUrl       recorded when the file has none of its own; may be null
     * @param isrc            recorded when the file has none of its own; may be null
     */
    public CompletedTags complete(TagEditor tags, Path file, double expectedSeconds, String sourceUrl, String isrc)
            throws LandingException {
        double seconds = tags.seconds();
        if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
            throw new LandingException(String.format("The downloaded file lasts %.1f s, which is not a song.", seconds));
        }
        if (expectedSeconds > 0 && seconds < expectedSeconds * 0.9 - 2) {
            throw new LandingException(String.format(
                    "The downloaded file is truncated: %.0f s of the expected %.0f s.", seconds, expectedSeconds));
        }
        try {
            String title = tags.get(Field.TITLE);
            if (title == null) {
                title = stripExtension(file.getFileName().toString());
                tags.set(Field.TITLE, title);
            }
            String artists = tags.get(Field.ARTIST);
            if (artists == null) {
                artists = "Unknown Artist";
                tags.set(Field.ARTIST, artists);
            }
            String artist = artists.split("/")[0].strip();
            String albumArtist = tags.get(Field.ALBUM_ARTIST);
            if (albumArtist == null) {
                albumArtist = artist;
                tags.set(Field.ALBUM_ARTIST, albumArtist);
            }
            String album = tags.get(Field.ALBUM);
            if (album == null) {
                album = title; // a single video is its own single
                tags.set(Field.ALBUM, album);
            }
            String source = tags.sourceUrl();
            if (source == null && sourceUrl != null && tags.setSourceUrl(sourceUrl)) {
                source = sourceUrl;
            }
            String recording = TagReader.isrc(tags.get(Field.ISRC));
            if (recording == null && TagReader.isrc(isrc) != null) {
                recording = TagReader.isrc(isrc);
                tags.set(Field.ISRC, recording);
            }
            // the library takes the track's id from the file, and knows it again by it after a retag and a move
            tags.addMinstrelId(Ids.newTrackId());
            tags.save();
            return new CompletedTags(title, artist, albumArtist, album, number(tags.get(Field.DISC)),
                    number(tags.get(Field.TRACK)), seconds, source,
                    recording, tags.hasCover());
        } catch (IOException e) {
            throw new LandingException("The downloaded file's tags cannot be written (" + e.getMessage() + ").");
        }
    }

    private static Integer number(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.parseInt(text.split("/")[0].strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
