package dev.minstrel.ingest.landing;

import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.id3.AbstractID3v2Frame;
import org.jaudiotagger.tag.id3.AbstractID3v2Tag;
import org.jaudiotagger.tag.id3.ID3v23Frame;
import org.jaudiotagger.tag.id3.ID3v24Frame;
import org.jaudiotagger.tag.id3.ID3v24Tag;
import org.jaudiotagger.tag.id3.framebody.AbstractFrameBodyUrlLink;
import org.jaudiotagger.tag.id3.framebody.FrameBodyWOAS;

import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checks a downloaded file and completes its tags: it must read as audio of a sane length (and not
 * much shorter than the source announced: a truncated download), and it leaves with a title,
 * artist, album artist, album and the source URL (ID3 WOAS, where spotDL puts the Spotify link).
 */
public final class TagCompletion {

    private static final double MIN_SECONDS = 1;
    private static final double MAX_SECONDS = 4 * 3600;

    static {
        Logger.getLogger("org.jaudiotagger").setLevel(Level.OFF); // stack-traps T14
    }

    /**
     * @param expectedSeconds the length the source announced, 0 when unknown
     * @param sourceUrl       recorded when the file has none of its own; may be null
     */
    public CompletedTags complete(Path file, double expectedSeconds, String sourceUrl) throws LandingException {
        AudioFile audio;
        try {
            audio = AudioFileIO.read(file.toFile());
        } catch (Exception e) {
            throw new LandingException("The downloaded file is not readable audio (" + e.getClass().getSimpleName() + ").");
        }
        double seconds = audio.getAudioHeader().getPreciseTrackLength();
        if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
            throw new LandingException(String.format("The downloaded file lasts %.1f s, which is not a song.", seconds));
        }
        if (expectedSeconds > 0 && seconds < expectedSeconds * 0.9 - 2) {
            throw new LandingException(String.format(
                    "The downloaded file is truncated: %.0f s of the expected %.0f s.", seconds, expectedSeconds));
        }
        Tag tag = audio.getTagOrCreateAndSetDefault();
        boolean changed = false;
        String title = first(tag, FieldKey.TITLE);
        if (title == null) {
            title = stripExtension(file.getFileName().toString());
            changed |= set(tag, FieldKey.TITLE, title);
        }
        String artists = first(tag, FieldKey.ARTIST);
        if (artists == null) {
            artists = "Unknown Artist";
            changed |= set(tag, FieldKey.ARTIST, artists);
        }
        String artist = artists.split("/")[0].strip();
        String albumArtist = first(tag, FieldKey.ALBUM_ARTIST);
        if (albumArtist == null) {
            albumArtist = artist;
            changed |= set(tag, FieldKey.ALBUM_ARTIST, albumArtist);
        }
        String album = first(tag, FieldKey.ALBUM);
        if (album == null) {
            album = title; // a single video is its own single
            changed |= set(tag, FieldKey.ALBUM, album);
        }
        String source = sourceOf(tag);
        if (source == null && sourceUrl != null && tag instanceof AbstractID3v2Tag id3) {
            AbstractID3v2Frame frame = id3 instanceof ID3v24Tag ? new ID3v24Frame("WOAS") : new ID3v23Frame("WOAS");
            frame.setBody(new FrameBodyWOAS(sourceUrl));
            id3.setFrame(frame);
            source = sourceUrl;
            changed = true;
        }
        if (changed) {
            try {
                audio.commit();
            } catch (Exception e) {
                throw new LandingException("The downloaded file's tags cannot be written (" + e.getMessage() + ").");
            }
        }
        return new CompletedTags(title, artist, albumArtist, album, number(first(tag, FieldKey.TRACK)), seconds, source,
                tag.getFirstArtwork() != null);
    }

    /**
     * spotDL's name for the song a file holds ("First Artist - Title"), read without changing the
     * file; empty while the file is still being written (spotDL tags it last).
     */
    public Optional<String> spotdlName(Path file) {
        try {
            Tag tag = AudioFileIO.read(file.toFile()).getTag();
            if (tag == null) {
                return Optional.empty();
            }
            String title = first(tag, FieldKey.TITLE);
            String artists = first(tag, FieldKey.ARTIST);
            return title == null || artists == null ? Optional.empty()
                    : Optional.of(artists.split("/")[0].strip() + " - " + title);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** The source URL a file records: WOAS, as spotDL writes it. */
    public static String sourceOf(Tag tag) {
        if (tag instanceof AbstractID3v2Tag id3 && id3.getFrame("WOAS") instanceof AbstractID3v2Frame frame
                && frame.getBody() instanceof AbstractFrameBodyUrlLink url && !url.getUrlLink().isBlank()) {
            return url.getUrlLink().strip();
        }
        return null;
    }

    private static String first(Tag tag, FieldKey key) {
        try {
            String value = tag.getFirst(key);
            return value == null || value.isBlank() ? null : value.strip();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean set(Tag tag, FieldKey key, String value) throws LandingException {
        try {
            tag.setField(key, value);
            return true;
        } catch (Exception e) {
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
