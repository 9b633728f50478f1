package dev.minstrel.library.tags;

import dev.minstrel.library.catalogue.CatalogueSettings;
import dev.minstrel.library.catalogue.CleanText;
import dev.minstrel.library.catalogue.Ids;
import dev.minstrel.library.catalogue.ReplayGain;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.audio.AudioHeader;
import org.jaudiotagger.audio.exceptions.CannotReadException;
import org.jaudiotagger.audio.exceptions.CannotReadVideoException;
import org.jaudiotagger.audio.exceptions.InvalidAudioFrameException;
import org.jaudiotagger.audio.exceptions.ReadOnlyFileException;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.TagException;
import org.jaudiotagger.tag.TagField;
import org.jaudiotagger.tag.id3.AbstractID3v2Frame;
import org.jaudiotagger.tag.id3.framebody.FrameBodyTXXX;
import org.jaudiotagger.tag.images.Artwork;
import org.jaudiotagger.tag.mp4.field.Mp4TagReverseDnsField;
import org.jaudiotagger.tag.reference.GenreTypes;
import org.jaudiotagger.tag.vorbiscomment.VorbisCommentTag;
import org.jaudiotagger.tag.vorbiscomment.VorbisCommentTagField;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads tags and audio properties with jaudiotagger (Opus with {@link OpusFile}) and applies the
 * fallbacks that keep every readable file in the library:
 * <ul>
 * <li>no title: the file name without its suffix and without a leading track number
 * ("01 - Intro.mp3" → "Intro");</li>
 * <li>no album: the name of the file's folder, or "Unknown Album" for files at the top;</li>
 * <li>no artist: for files laid out as Artist/Album/file, the Artist folder's name, else
 * "Unknown Artist";</li>
 * <li>no album artist: "Various Artists" (configurable) for compilations, else the first
 * credited track artist.</li>
 * </ul>
 * Thread-safe: it keeps no state between files.
 */
public final class TagReader {

    public static final String UNKNOWN_ARTIST = "Unknown Artist";
    public static final String UNKNOWN_ALBUM = "Unknown Album";

    private static final Pattern LEADING_TRACK_NUMBER = Pattern.compile("^\\d{1,3}\\s*(?:[-._)]\\s*|\\s+)(?=\\S)");
    private static final Pattern FIRST_NUMBER = Pattern.compile("\\d+");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern ID3_GENRE = Pattern.compile("^\\((\\d+|RX|CR)\\)(.*)$");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?\\d+(?:[.,]\\d+)?");
    private static final Pattern ISRC = Pattern.compile("[A-Z]{2}[A-Z0-9]{3}\\d{7}");
    private static final Pattern URL = Pattern.compile("^https?://\\S+$");

    static {
        Jaudiotagger.silence();
    }

    private final CatalogueSettings settings;

    public TagReader(CatalogueSettings settings) {
        this.settings = settings;
    }

    /**
     * @param relativePath the file's path below the music folder with '/' separators, used for
     *                     the folder-name fallbacks
     */
    public TrackTags read(Path file, String relativePath) throws UnreadableFileException {
        String suffix = AudioFormats.suffix(file.getFileName().toString());
        String contentType = AudioFormats.contentType(suffix)
                .orElseThrow(() -> new UnreadableFileException("." + suffix + " files are not supported"));
        try {
            if (Files.size(file) == 0) {
                throw new UnreadableFileException("the file is empty");
            }
            if (suffix.equals("opus")) {
                OpusFile.Info opus = OpusFile.read(file);
                int seconds = playable((int) Math.round(opus.seconds()));
                int bitRate = opus.seconds() > 0 ? (int) Math.round(opus.audioBytes() * 8 / opus.seconds() / 1000) : 0;
                return fromTag(opus.tag(), relativePath, suffix, contentType, seconds, bitRate, 48_000,
                        opus.channels(), null);
            }
            return fromAudioFile(AudioFileIO.read(file.toFile()), relativePath, suffix, contentType);
        } catch (UnreadableFileException e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw new UnreadableFileException("the file disappeared while it was being read", e);
        } catch (CannotReadVideoException e) {
            throw new UnreadableFileException("it is a video, not an audio file", e);
        } catch (CannotReadException | InvalidAudioFrameException e) {
            throw new UnreadableFileException("not a readable ." + suffix + " file: " + plain(e, file), e);
        } catch (TagException e) {
            throw new UnreadableFileException("the tags are damaged: " + plain(e, file), e);
        } catch (ReadOnlyFileException | IOException e) {
            throw new UnreadableFileException("the file could not be read: " + plain(e, file), e);
        } catch (RuntimeException e) {
            // jaudiotagger throws unchecked exceptions on some damaged files; they are still just bad files
            throw new UnreadableFileException("the file is damaged: " + plain(e, file), e);
        }
    }

    /**
     * What a file whose tags were just completed and saved with this editor holds, from the editor
     * itself: a download being indexed is not read from disk a second time.
     *
     * @param relativePath the file's path below the music folder now, for the folder-name fallbacks
     */
    public TrackTags read(TagEditor written, String relativePath) throws UnreadableFileException {
        String suffix = AudioFormats.suffix(relativePath.substring(relativePath.lastIndexOf('/') + 1));
        String contentType = AudioFormats.contentType(suffix)
                .orElseThrow(() -> new UnreadableFileException("." + suffix + " files are not supported"));
        return fromAudioFile(written.audio(), relativePath, suffix, contentType);
    }

    private TrackTags fromAudioFile(AudioFile audioFile, String relativePath, String suffix, String contentType)
            throws UnreadableFileException {
        AudioHeader header = audioFile.getAudioHeader();
        if (header == null) {
            throw new UnreadableFileException("no audio found in the file");
        }
        double precise = header.getPreciseTrackLength();
        int seconds = playable(precise > 0 ? (int) Math.round(precise) : Math.max(0, header.getTrackLength()));
        Integer bitDepth = header.isLossless() && header.getBitsPerSample() > 0 ? header.getBitsPerSample() : null;
        // a damaged header can claim a negative rate
        return fromTag(audioFile.getTag(), relativePath, suffix, contentType, seconds,
                (int) Math.max(0, header.getBitRateAsNumber()), header.getSampleRateAsNumber(),
                channels(header.getChannels()), bitDepth);
    }

    /** The first embedded picture (the front cover when there is one), or empty. */
    public Optional<EmbeddedImage> embeddedCover(Path file) {
        return tag(file).flatMap(tag -> {
            List<Artwork> artworks = tag.getArtworkList();
            Artwork chosen = artworks.stream().filter(a -> a.getPictureType() == 3).findFirst()
                    .orElse(artworks.isEmpty() ? null : artworks.get(0));
            if (chosen == null || chosen.getBinaryData() == null || chosen.getBinaryData().length == 0) {
                return Optional.empty();
            }
            return Optional.of(new EmbeddedImage(chosen.getBinaryData(), chosen.getMimeType()));
        });
    }

    /** The embedded lyrics text (USLT, LYRICS, ©lyr), or empty. */
    public Optional<String> embeddedLyrics(Path file) {
        return tag(file).map(tag -> first(tag, FieldKey.LYRICS)).filter(text -> !text.isBlank());
    }

    private Optional<Tag> tag(Path file) {
        try {
            if (AudioFormats.suffix(file.getFileName().toString()).equals("opus")) {
                return Optional.of(OpusFile.read(file).tag());
            }
            return Optional.ofNullable(AudioFileIO.read(file.toFile()).getTag());
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private TrackTags fromTag(Tag tag, String relativePath, String suffix, String contentType, int seconds,
                              int bitRate, int sampleRate, int channels, Integer bitDepth) {
        Tag t = tag != null ? tag : VorbisCommentTag.createNewTag();
        String[] segments = relativePath.split("/");
        String fileName = segments[segments.length - 1];

        String title = first(t, FieldKey.TITLE);
        if (title.isBlank()) {
            String base = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
            title = LEADING_TRACK_NUMBER.matcher(base).replaceFirst("").strip();
            title = title.isEmpty() ? base : title;
        }

        List<String> artistValues = Credits.distinct(all(t, FieldKey.ARTIST));
        String artist = String.join(", ", artistValues);
        List<String> credits = Credits.distinct(all(t, FieldKey.ARTISTS));
        if (credits.isEmpty()) {
            List<String> split = new ArrayList<>();
            artistValues.forEach(value -> split.addAll(Credits.split(value)));
            credits = Credits.distinct(split);
        }
        if (credits.isEmpty()) {
            artist = segments.length >= 3 ? segments[segments.length - 3] : UNKNOWN_ARTIST;
            credits = List.of(artist);
        } else if (artist.isBlank()) {
            artist = String.join(", ", credits);
        }

        String album = first(t, FieldKey.ALBUM);
        if (album.isBlank()) {
            album = segments.length >= 2 ? segments[segments.length - 2] : UNKNOWN_ALBUM;
        }

        boolean compilation = truthy(first(t, FieldKey.IS_COMPILATION));
        List<String> albumArtists = Credits.distinct(all(t, FieldKey.ALBUM_ARTIST));
        if (albumArtists.isEmpty()) {
            albumArtists = List.of(compilation ? settings.variousArtists() : credits.get(0));
        }

        Map<String, String> custom = customFields(t);
        String comment = blankToNull(first(t, FieldKey.COMMENT));
        String sourceUrl = sourceUrl(t, custom, comment);

        return new TrackTags(title.strip(), artist.strip(), credits, album.strip(), albumArtists.get(0), albumArtists,
                number(first(t, FieldKey.TRACK)), number(first(t, FieldKey.DISC_NO)), year(t), genres(t),
                seconds, bitRate, sampleRate, channels, bitDepth, suffix, contentType, compilation,
                blankToNull(first(t, FieldKey.TITLE_SORT)), blankToNull(first(t, FieldKey.ARTIST_SORT)),
                blankToNull(first(t, FieldKey.ALBUM_SORT)), blankToNull(first(t, FieldKey.ALBUM_ARTIST_SORT)),
                blankToNull(first(t, FieldKey.MUSICBRAINZ_TRACK_ID)), blankToNull(first(t, FieldKey.MUSICBRAINZ_RELEASEID)),
                blankToNull(first(t, FieldKey.MUSICBRAINZ_ARTISTID)),
                blankToNull(first(t, FieldKey.MUSICBRAINZ_RELEASEARTISTID)),
                new ReplayGain(decimal(custom.get("REPLAYGAIN_TRACK_GAIN")), decimal(custom.get("REPLAYGAIN_TRACK_PEAK")),
                        decimal(custom.get("REPLAYGAIN_ALBUM_GAIN")), decimal(custom.get("REPLAYGAIN_ALBUM_PEAK"))),
                !first(t, FieldKey.LYRICS).isBlank(), hasArtwork(t), comment, number(first(t, FieldKey.BPM)), sourceUrl,
                isrc(first(t, FieldKey.ISRC)), Ids.trackIdOrNull(custom.get(Ids.TAG)));
    }

    /** An ISRC as it is compared: upper case without the hyphens some taggers write ("US-RC1-76-07839"). */
    public static String isrc(String text) {
        String plain = text == null ? "" : text.replace("-", "").strip().toUpperCase(Locale.ROOT);
        return ISRC.matcher(plain).matches() ? plain : null;
    }

    private static String first(Tag tag, FieldKey key) {
        try {
            String value = tag.getFirst(key);
            // NUL is how ID3 separates values; other control characters are noise that XML cannot carry
            return value == null ? "" : CleanText.of(value.replace("\u0000", "")).strip();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static List<String> all(Tag tag, FieldKey key) {
        List<String> values = new ArrayList<>();
        try {
            for (String value : tag.getAll(key)) {
                for (String part : value.split("\u0000")) {
                    if (!part.isBlank()) {
                        values.add(CleanText.of(part).strip());
                    }
                }
            }
        } catch (RuntimeException e) {
            // a key a format cannot hold is simply absent
        }
        return values;
    }

    private static boolean hasArtwork(Tag tag) {
        try {
            return !tag.getArtworkList().isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean truthy(String value) {
        return value.equals("1") || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes");
    }

    /** The leading number of "3", "03", "3/12". */
    static Integer number(String value) {
        Matcher matcher = FIRST_NUMBER.matcher(value);
        if (!matcher.find() || matcher.start() > 0 && !value.substring(0, matcher.start()).isBlank()) {
            return null;
        }
        try {
            int number = Integer.parseInt(matcher.group());
            return number > 0 ? number : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer year(Tag tag) {
        Matcher matcher = YEAR.matcher(first(tag, FieldKey.YEAR));
        if (matcher.find()) {
            int year = Integer.parseInt(matcher.group());
            return year > 0 ? year : null;
        }
        return null;
    }

    /** Multi-valued GENRE fields, "Rock;Pop" split, ID3v1 numbers ("(17)", "17") turned into names. */
    static List<String> genres(Tag tag) {
        List<String> genres = new ArrayList<>();
        for (String value : all(tag, FieldKey.GENRE)) {
            for (String part : value.split(";")) {
                String genre = genreName(part.strip());
                if (!genre.isEmpty() && genres.stream().noneMatch(g -> g.equalsIgnoreCase(genre))) {
                    genres.add(genre);
                }
            }
        }
        return List.copyOf(genres);
    }

    static String genreName(String raw) {
        Matcher id3 = ID3_GENRE.matcher(raw);
        if (id3.matches()) {
            String rest = id3.group(2).strip();
            if (!rest.isEmpty()) {
                return genreName(rest);
            }
            return switch (id3.group(1)) {
                case "RX" -> "Remix";
                case "CR" -> "Cover";
                default -> Optional.ofNullable(GenreTypes.getInstanceOf().getValueForId(Integer.parseInt(id3.group(1))))
                        .orElse("");
            };
        }
        if (!raw.isEmpty() && raw.chars().allMatch(Character::isDigit) && raw.length() <= 3) {
            return Optional.ofNullable(GenreTypes.getInstanceOf().getValueForId(Integer.parseInt(raw))).orElse(raw);
        }
        return raw;
    }

    /** Free-form fields (ID3 TXXX, Vorbis comments, MP4 "----" atoms) by upper-case name. */
    private static Map<String, String> customFields(Tag tag) {
        Map<String, String> fields = new HashMap<>();
        Iterator<TagField> iterator;
        try {
            iterator = tag.getFields();
        } catch (RuntimeException e) {
            return fields;
        }
        while (iterator.hasNext()) {
            TagField field = iterator.next();
            if (field instanceof AbstractID3v2Frame frame && frame.getBody() instanceof FrameBodyTXXX txxx) {
                fields.putIfAbsent(txxx.getDescription().toUpperCase(Locale.ROOT), txxx.getFirstTextValue());
            } else if (field instanceof VorbisCommentTagField vorbis) {
                fields.putIfAbsent(vorbis.getId().toUpperCase(Locale.ROOT), vorbis.getContent());
            } else if (field instanceof Mp4TagReverseDnsField mp4) {
                fields.putIfAbsent(mp4.getDescriptor().toUpperCase(Locale.ROOT), mp4.getContent());
            }
        }
        return fields;
    }

    /** WOAS (where spotDL puts the Spotify URL), a SOURCE_URL/WEBSITE/URL field, or a comment that is a URL. */
    private static String sourceUrl(Tag tag, Map<String, String> custom, String comment) {
        String woas = Jaudiotagger.sourceUrl(tag);
        if (woas != null) {
            return woas;
        }
        for (String key : List.of("SOURCE_URL", "WEBSITE", "URL", "PURL")) {
            String value = custom.get(key);
            if (value != null && URL.matcher(value.strip()).matches()) {
                return value.strip();
            }
        }
        return comment != null && URL.matcher(comment).matches() ? comment : null;
    }

    private static Double decimal(String value) {
        if (value == null) {
            return null;
        }
        Matcher matcher = DECIMAL.matcher(value);
        return matcher.find() ? Double.valueOf(matcher.group().replace(',', '.')) : null;
    }

    private static int channels(String description) {
        if (description == null) {
            return 0;
        }
        Matcher matcher = FIRST_NUMBER.matcher(description);
        if (matcher.find()) {
            return Integer.parseInt(matcher.group());
        }
        return description.toLowerCase(Locale.ROOT).contains("mono") ? 1 : 2;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * A library's message for the owner to read: without the folder the server keeps the file in
     * (the reason is shown in the web page and Subsonic apps) and without control characters.
     */
    private static String plain(Exception e, Path file) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return "no details";
        }
        String name = file.getFileName().toString();
        return CleanText.of(message.replace(file.toAbsolutePath().toString(), name).replace(file.toString(), name))
                .strip();
    }

    /**
     * A track's length, refused when under a second: jaudiotagger gives 0 for a file cut short
     * before its first frames, and a 0-second track in the library only fails in every player.
     */
    private static int playable(int seconds) throws UnreadableFileException {
        if (seconds <= 0) {
            throw new UnreadableFileException("no audio in it lasting a second: the file is cut short or damaged");
        }
        return seconds;
    }

    /** A picture stored inside an audio file. */
    public record EmbeddedImage(byte[] data, String mimeType) {
    }
}
