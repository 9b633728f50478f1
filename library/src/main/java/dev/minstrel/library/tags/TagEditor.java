package dev.minstrel.library.tags;

import dev.minstrel.library.catalogue.Ids;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.FieldDataInvalidException;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.TagField;
import org.jaudiotagger.tag.id3.AbstractID3v2Frame;
import org.jaudiotagger.tag.id3.AbstractID3v2Tag;
import org.jaudiotagger.tag.id3.ID3v23Frame;
import org.jaudiotagger.tag.id3.ID3v24Frame;
import org.jaudiotagger.tag.id3.ID3v24Tag;
import org.jaudiotagger.tag.id3.framebody.FrameBodyTXXX;
import org.jaudiotagger.tag.id3.framebody.FrameBodyWOAS;
import org.jaudiotagger.tag.id3.valuepair.TextEncoding;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One audio file's tags as they are written, without the fallbacks {@link TagReader} applies (an
 * absent tag is null), and the means to fill in the missing ones: how a download's tags are
 * completed before it joins the library. Nothing reaches the file before {@link #save}.
 */
public final class TagEditor {

    /** The tags a file is completed with. */
    public enum Field {
        TITLE(FieldKey.TITLE), ARTIST(FieldKey.ARTIST), ALBUM_ARTIST(FieldKey.ALBUM_ARTIST), ALBUM(FieldKey.ALBUM),
        TRACK(FieldKey.TRACK), DISC(FieldKey.DISC_NO), ISRC(FieldKey.ISRC);

        private final FieldKey key;

        Field(FieldKey key) {
            this.key = key;
        }
    }

    static {
        Jaudiotagger.silence();
    }

    private final AudioFile audio;
    private Tag tag;
    private boolean changed;

    private TagEditor(AudioFile audio) {
        this.audio = audio;
    }

    /** @throws UnreadableFileException when it is not readable audio; the message is jaudiotagger's exception's name */
    public static TagEditor open(Path file) throws UnreadableFileException {
        try {
            return new TagEditor(AudioFileIO.read(file.toFile()));
        } catch (Exception e) {
            throw new UnreadableFileException(e.getClass().getSimpleName(), e);
        }
    }

    /** The file as jaudiotagger holds it, for {@link TagReader#read(TagEditor, String)}. */
    AudioFile audio() {
        return audio;
    }

    /** The length of the audio, to the millisecond. */
    public double seconds() {
        return audio.getAudioHeader().getPreciseTrackLength();
    }

    /** The first value of a tag, stripped; null when the tag is absent or blank. */
    public String get(Field field) {
        try {
            String value = tag().getFirst(field.key);
            return value == null || value.isBlank() ? null : value.strip();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** @throws IOException when the file's tag cannot hold the value; the message is jaudiotagger's */
    public void set(Field field, String value) throws IOException {
        try {
            tag().setField(field.key, value);
            changed = true;
        } catch (Exception e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The source URL the file records, or null. */
    public String sourceUrl() {
        return Jaudiotagger.sourceUrl(tag());
    }

    /** Records where the file came from; false when its tag has no place for it (only ID3 has WOAS). */
    public boolean setSourceUrl(String url) {
        if (!(tag() instanceof AbstractID3v2Tag id3)) {
            return false;
        }
        AbstractID3v2Frame frame = id3 instanceof ID3v24Tag ? new ID3v24Frame("WOAS") : new ID3v23Frame("WOAS");
        frame.setBody(new FrameBodyWOAS(url));
        id3.setFrame(frame);
        changed = true;
        return true;
    }

    /** The track id Minstrel recorded in the file, or null. */
    public String minstrelId() {
        if (!(tag() instanceof AbstractID3v2Tag id3)) {
            return null;
        }
        for (TagField field : id3.getFields("TXXX")) {
            if (field instanceof AbstractID3v2Frame frame && frame.getBody() instanceof FrameBodyTXXX txxx
                    && Ids.TAG.equalsIgnoreCase(txxx.getDescription())) {
                return Ids.trackIdOrNull(txxx.getFirstTextValue());
            }
        }
        return null;
    }

    /**
     * Records the track's Minstrel id (ID3 TXXX {@value Ids#TAG}), by which the library knows the
     * file again after it was re-tagged and moved. A file that has one keeps it; false when it
     * has one already, or its tag has no place for it (not ID3).
     */
    public boolean addMinstrelId(String trackId) {
        if (!(tag() instanceof AbstractID3v2Tag id3) || minstrelId() != null) {
            return false;
        }
        AbstractID3v2Frame frame = id3 instanceof ID3v24Tag ? new ID3v24Frame("TXXX") : new ID3v23Frame("TXXX");
        frame.setBody(new FrameBodyTXXX(TextEncoding.ISO_8859_1, Ids.TAG, trackId));
        try {
            id3.addField(frame);
        } catch (FieldDataInvalidException e) {
            return false;
        }
        changed = true;
        return true;
    }

    public boolean hasCover() {
        return tag().getFirstArtwork() != null;
    }

    /** Writes the tags set since the file was opened, if any. */
    public void save() throws IOException {
        if (!changed) {
            return;
        }
        try {
            audio.commit();
        } catch (Exception e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The file's tag, created in memory for a file that has none. */
    private Tag tag() {
        if (tag == null) {
            tag = audio.getTagOrCreateAndSetDefault();
        }
        return tag;
    }
}
