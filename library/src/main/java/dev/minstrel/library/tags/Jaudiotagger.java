package dev.minstrel.library.tags;

import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.TagField;
import org.jaudiotagger.tag.id3.AbstractID3v2Frame;
import org.jaudiotagger.tag.id3.AbstractID3v2Tag;
import org.jaudiotagger.tag.id3.framebody.AbstractFrameBodyUrlLink;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What every use of jaudiotagger shares; jaudiotagger is used in this package only. Its logging is
 * silenced here, and the source URL tag (ID3 WOAS, where spotDL puts the Spotify link) is read here.
 */
final class Jaudiotagger {

    /**
     * jaudiotagger logs through java.util.logging, at INFO and WARNING for every damaged file;
     * held so the level sticks: java.util.logging keeps loggers only weakly.
     */
    private static final Logger LOG = Logger.getLogger("org.jaudiotagger");

    private Jaudiotagger() {
    }

    /** Called by each class of this package that uses jaudiotagger, before it does. */
    static void silence() {
        LOG.setLevel(Level.OFF);
    }

    /** The source URL an ID3 tag records in WOAS, or null (other formats have no such frame). */
    static String sourceUrl(Tag tag) {
        if (tag instanceof AbstractID3v2Tag id3) {
            for (TagField field : id3.getFields("WOAS")) {
                if (field instanceof AbstractID3v2Frame frame && frame.getBody() instanceof AbstractFrameBodyUrlLink url
                        && url.getUrlLink() != null && !url.getUrlLink().isBlank()) {
                    return url.getUrlLink().strip();
                }
            }
        }
        return null;
    }
}
