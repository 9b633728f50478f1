package dev.minstrel.library.cover;

import dev.minstrel.library.catalogue.Album;
import dev.minstrel.library.catalogue.Catalogue;
import dev.minstrel.library.catalogue.Folder;
import dev.minstrel.library.catalogue.Ids;
import dev.minstrel.library.catalogue.Track;
import dev.minstrel.library.scan.CatalogueFactory;
import dev.minstrel.library.tags.TagReader;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Cover art by track, album, artist or folder id. Albums prefer a folder image (cover.*,
 * folder.*, front.*) to embedded art, tracks prefer their own embedded art. Scaled copies and
 * extracted embedded pictures are cached on disk under names derived from the id, the size and
 * the source's modification time (never a path), so an edited source gets a new entry. The cache
 * is bounded in bytes: when it grows past the bound the least recently served entries go.
 *
 * <p>Ids may carry the version the catalogue hands out ({@code al-..._<hex time>}, see
 * {@link Ids#coverArtId}); any version, current or stale, or none, names the item's current art.
 */
public final class CoverArtService {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private final Path musicDir;
    private final Path cacheDir;
    private final long maxCacheBytes;
    private final TagReader reader;
    private final Supplier<Catalogue> catalogue;
    private final AtomicLong cacheBytes = new AtomicLong();

    /** An image to serve: a file, or the embedded picture of a track file. */
    private record Source(String cacheId, Path file, boolean embedded) {
    }

    public CoverArtService(Path musicDir, Path cacheDir, long maxCacheBytes, TagReader reader,
                           Supplier<Catalogue> catalogue) {
        this.musicDir = musicDir;
        this.cacheDir = cacheDir;
        this.maxCacheBytes = maxCacheBytes;
        this.reader = reader;
        this.catalogue = catalogue;
        try {
            Files.createDirectories(cacheDir);
            try (Stream<Path> files = Files.list(cacheDir)) {
                cacheBytes.set(files.mapToLong(CoverArtService::sizeOf).sum());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the cover art cache folder", e);
        }
    }

    public Optional<CoverArt> coverArt(String id, Integer size) {
        if (id == null || (size != null && size <= 0)) {
            return Optional.empty();
        }
        return source(catalogue.get(), id, 0).flatMap(source -> serve(source, size));
    }

    private Optional<Source> source(Catalogue cat, String versionedId, int depth) {
        if (depth > 3) {
            return Optional.empty();
        }
        String id = Ids.withoutVersion(versionedId);
        if (id.startsWith(Ids.TRACK)) {
            return cat.track(id).flatMap(track -> track.hasEmbeddedCover()
                    ? Optional.of(new Source(track.id(), musicDir.resolve(track.path()), true))
                    : Optional.ofNullable(track.coverArtId()).filter(c -> !Ids.withoutVersion(c).equals(id))
                    .flatMap(c -> source(cat, c, depth + 1)));
        }
        if (id.startsWith(Ids.ALBUM)) {
            return cat.album(id).flatMap(album -> albumSource(cat, album));
        }
        if (id.startsWith(Ids.ARTIST)) {
            return cat.artist(id).map(artist -> artist.coverArtId()).flatMap(c -> source(cat, c, depth + 1));
        }
        if (id.startsWith(Ids.FOLDER)) {
            return cat.folder(id).flatMap(folder -> folder.coverImagePath() != null
                    ? Optional.of(new Source(folder.id(), musicDir.resolve(folder.coverImagePath()), false))
                    : Optional.ofNullable(folder.coverArtId()).filter(c -> !Ids.withoutVersion(c).equals(id))
                    .flatMap(c -> source(cat, c, depth + 1)));
        }
        return Optional.empty();
    }

    private Optional<Source> albumSource(Catalogue cat, Album album) {
        List<Track> tracks = cat.tracksOf(album);
        for (Track track : tracks) {
            Optional<Folder> folder = cat.folder(Ids.folderId(CatalogueFactory.folderOf(track.path())));
            if (folder.isPresent() && folder.get().coverImagePath() != null) {
                return Optional.of(new Source(album.id(), musicDir.resolve(folder.get().coverImagePath()), false));
            }
        }
        return tracks.stream().filter(Track::hasEmbeddedCover).findFirst()
                .map(track -> new Source(album.id(), musicDir.resolve(track.path()), true));
    }

    private Optional<CoverArt> serve(Source source, Integer size) {
        try {
            if (!Files.isRegularFile(source.file())) {
                return Optional.empty();
            }
            long modified = Files.getLastModifiedTime(source.file()).toMillis();
            Optional<CoverArt> original = original(source, modified);
            if (original.isEmpty() || size == null) {
                return original;
            }
            String key = cacheKey(source.cacheId() + "\0" + size + "\0" + modified);
            Optional<CoverArt> cached = cached(key, modified);
            if (cached.isPresent()) {
                return cached;
            }
            BufferedImage image = decode(original.get().file(), size);
            if (image == null || Math.max(image.getWidth(), image.getHeight()) <= size) {
                return original; // not decodable here (webp) or already small enough
            }
            boolean alpha = image.getColorModel().hasAlpha();
            BufferedImage scaled = scale(image, size, alpha);
            String suffix = alpha ? "png" : "jpg";
            Path target = cacheDir.resolve(key + "." + suffix);
            Path temp = Files.createTempFile(cacheDir, key, ".tmp");
            ImageIO.write(scaled, alpha ? "png" : "jpg", temp.toFile());
            store(temp, target);
            return Optional.of(new CoverArt(target, alpha ? "image/png" : "image/jpeg", modified));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A folder image as it is; an embedded picture extracted once into the cache. */
    private Optional<CoverArt> original(Source source, long modified) throws IOException {
        if (!source.embedded()) {
            return Optional.of(new CoverArt(source.file(), contentType(source.file().getFileName().toString()), modified));
        }
        String key = cacheKey(source.file().getFileName() + "\0" + source.cacheId() + "\0original\0" + modified);
        Optional<CoverArt> cached = cached(key, modified);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<TagReader.EmbeddedImage> picture = reader.embeddedCover(source.file());
        if (picture.isEmpty()) {
            return Optional.empty();
        }
        String type = sniff(picture.get().data(), picture.get().mimeType());
        Path target = cacheDir.resolve(key + "." + extension(type));
        Path temp = Files.createTempFile(cacheDir, key, ".tmp");
        Files.write(temp, picture.get().data());
        store(temp, target);
        return Optional.of(new CoverArt(target, type, modified));
    }

    private Optional<CoverArt> cached(String key, long modified) throws IOException {
        for (String suffix : new String[]{"jpg", "png", "gif", "webp"}) {
            Path file = cacheDir.resolve(key + "." + suffix);
            if (Files.isRegularFile(file)) {
                // the modification time records the last use, which eviction goes by
                Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
                return Optional.of(new CoverArt(file, contentType(file.getFileName().toString()), modified));
            }
        }
        return Optional.empty();
    }

    private void store(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        if (cacheBytes.addAndGet(Files.size(target)) > maxCacheBytes) {
            evict(target);
        }
    }

    /** Deletes the least recently used entries until the cache is at 80% of its bound. */
    private synchronized void evict(Path keep) throws IOException {
        List<Path> entries;
        try (Stream<Path> files = Files.list(cacheDir)) {
            entries = files.filter(f -> !f.getFileName().toString().endsWith(".tmp"))
                    .sorted(Comparator.comparingLong(CoverArtService::modifiedOf)).toList();
        }
        long total = entries.stream().mapToLong(CoverArtService::sizeOf).sum();
        for (Path entry : entries) {
            if (total <= maxCacheBytes * 8 / 10) {
                break;
            }
            if (!entry.equals(keep)) {
                long size = sizeOf(entry);
                Files.deleteIfExists(entry);
                total -= size;
            }
        }
        cacheBytes.set(total);
    }

    /**
     * Decodes the image at no less than twice the asked size, and no more than it needs: the decoder
     * skips rows and columns (source subsampling), so a 4000-pixel scan costs a couple of megabytes
     * of heap instead of 48, which a Pi's small heap could not spare for a burst of thumbnail requests.
     * Null when no decoder here reads it (webp).
     */
    private static BufferedImage decode(Path file, int size) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader decoder = readers.next();
            try {
                decoder.setInput(in, true, true);
                int step = Math.max(1, Math.max(decoder.getWidth(0), decoder.getHeight(0)) / (2 * size));
                ImageReadParam param = decoder.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                return decoder.read(0, param);
            } finally {
                decoder.dispose();
            }
        }
    }

    private static BufferedImage scale(BufferedImage image, int size, boolean alpha) {
        double factor = (double) size / Math.max(image.getWidth(), image.getHeight());
        int width = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(image.getHeight() * factor));
        BufferedImage scaled = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return scaled;
    }

    private static String cacheKey(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static String sniff(byte[] data, String declared) {
        if (data.length > 3 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xD8) {
            return "image/jpeg";
        }
        if (data.length > 8 && data[0] == (byte) 0x89 && data[1] == 'P' && data[2] == 'N' && data[3] == 'G') {
            return "image/png";
        }
        if (data.length > 6 && data[0] == 'G' && data[1] == 'I' && data[2] == 'F') {
            return "image/gif";
        }
        if (data.length > 12 && data[8] == 'W' && data[9] == 'E' && data[10] == 'B' && data[11] == 'P') {
            return "image/webp";
        }
        return declared != null && declared.startsWith("image/") ? declared : "image/jpeg";
    }

    private static String extension(String contentType) {
        return switch (contentType) {
            case "image/png" -> "png";
            case "image/gif" -> "gif";
            case "image/webp" -> "webp";
            default -> "jpg";
        };
    }

    static String contentType(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".png")) {
            return "image/png";
        }
        if (lower.endsWith(".gif")) {
            return "image/gif";
        }
        if (lower.endsWith(".webp")) {
            return "image/webp";
        }
        return "image/jpeg";
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static long modifiedOf(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
