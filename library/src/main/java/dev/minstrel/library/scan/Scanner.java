package dev.minstrel.library.scan;

import dev.minstrel.library.catalogue.FolderImage;
import dev.minstrel.library.catalogue.Ids;
import dev.minstrel.library.catalogue.Track;
import dev.minstrel.library.store.CatalogueStore;
import dev.minstrel.library.store.CatalogueStore.SkippedFile;
import dev.minstrel.library.tags.AudioFormats;
import dev.minstrel.library.tags.TagEditor;
import dev.minstrel.library.tags.TagReader;
import dev.minstrel.library.tags.TrackTags;
import dev.minstrel.library.tags.UnreadableFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Walks the music folder, reads what changed, writes the result in one transaction and returns
 * the new state. Not thread-safe: the library runs one scan at a time.
 *
 * <p>Incremental scans re-read only files whose size or modification time differ from what is
 * stored (unreadable files too). A file that vanished from one path while a file with the same
 * size, modification time, title, album, artist and length appeared elsewhere has moved: it keeps
 * its track id. Hidden files and folders (dot names) are skipped; symbolic links are followed,
 * loops are not.
 */
public final class Scanner {

    private static final Logger log = LoggerFactory.getLogger(Scanner.class);

    /** The reason listed for a file Minstrel's user may not read: a mode or owner to fix, not a bad file. */
    public static final String NOT_READABLE = "Minstrel may not read this file (permission denied): give the user it "
            + "runs as read access; a track already in the library keeps its place until then";

    private static final Pattern FOLDER_IMAGE = Pattern.compile("(cover|folder|front)\\.(jpe?g|png|webp|gif)");
    private static final List<String> IMAGE_PREFERENCE = List.of("cover", "folder", "front");

    private final Path musicDir;
    private final TagReader reader;
    private final CatalogueStore store;
    private final Clock clock;
    private final int threads;

    public Scanner(Path musicDir, TagReader reader, CatalogueStore store, Clock clock, int threads) {
        this.musicDir = musicDir;
        this.reader = reader;
        this.store = store;
        this.clock = clock;
        this.threads = Math.max(1, threads);
    }

    private record FileStat(Path file, long size, long modifiedMillis, boolean readable) {
    }

    private record ReadResult(TrackTags tags, String failure) {
    }

    /** @param filesSeen counts audio files as the walk finds them, for progress reports */
    public LibraryState scan(LibraryState current, boolean full, AtomicInteger filesSeen) {
        Map<String, FileStat> files = new LinkedHashMap<>();
        Map<String, FolderImage> images = new HashMap<>();
        long started = System.nanoTime();
        walk(files, images, filesSeen);
        long walked = System.nanoTime();

        Map<String, Track> tracks = new HashMap<>();
        Map<String, SkippedFile> skipped = new HashMap<>();
        List<String> toRead = new ArrayList<>();
        for (var entry : files.entrySet()) {
            String path = entry.getKey();
            FileStat stat = entry.getValue();
            Track known = current.tracks().get(path);
            SkippedFile knownBad = current.skipped().get(path);
            if (!stat.readable()) {
                // a permission changed, not the file: a known track keeps its id, stars and playlist places
                skipped.put(path, new SkippedFile(path, stat.size(), stat.modifiedMillis(), NOT_READABLE));
                if (known != null) {
                    tracks.put(path, known);
                }
            } else if (!full && known != null && known.size() == stat.size()
                    && known.modifiedMillis() == stat.modifiedMillis()) {
                tracks.put(path, known);
            } else if (!full && knownBad != null && knownBad.size() == stat.size()
                    && knownBad.modifiedMillis() == stat.modifiedMillis() && !knownBad.reason().equals(NOT_READABLE)) {
                skipped.put(path, knownBad);
            } else {
                toRead.add(path);
            }
        }
        Map<String, ReadResult> read = readAll(toRead, files);
        long readDone = System.nanoTime();

        Map<String, Deque<Track>> vanished = new HashMap<>();
        Map<String, Track> vanishedById = new HashMap<>();
        for (Track track : current.tracks().values()) {
            if (!files.containsKey(track.path())) {
                vanished.computeIfAbsent(moveKey(track.size(), track.modifiedMillis(), track.title(), track.album(),
                        track.artist(), track.durationSeconds()), k -> new ArrayDeque<>()).add(track);
                vanishedById.put(track.id(), track);
            }
        }
        Set<String> taken = new HashSet<>();
        current.tracks().values().forEach(t -> taken.add(t.id()));
        Instant now = clock.instant();
        List<Track> saved = new ArrayList<>();
        List<String> rewritten = new ArrayList<>();
        for (String path : toRead) {
            FileStat stat = files.get(path);
            ReadResult result = read.get(path);
            if (result.failure() != null) {
                skipped.put(path, new SkippedFile(path, stat.size(), stat.modifiedMillis(), result.failure()));
                continue;
            }
            TrackTags tags = result.tags();
            Track known = current.tracks().get(path);
            if (known == null && tags.minstrelId() != null) {
                // moved, and perhaps re-tagged too: the id it carries says which track it was
                known = vanishedById.remove(tags.minstrelId());
                if (known != null) {
                    Track moved = known;
                    vanished.values().forEach(candidates -> candidates.remove(moved));
                }
            }
            if (known == null) {
                Deque<Track> candidates = vanished.get(moveKey(stat.size(), stat.modifiedMillis(), tags.title(),
                        tags.album(), tags.artist(), tags.durationSeconds()));
                known = candidates == null ? null : candidates.poll();
                if (known != null) {
                    vanishedById.remove(known.id());
                }
            }
            Track track = CatalogueFactory.track(known != null ? known.id() : newId(tags, taken), path, tags,
                    stat.size(), stat.modifiedMillis(), known != null ? known.created() : now);
            tracks.put(path, track);
            if (known == null || !track.equals(known.withCoverArtId(null))) {
                saved.add(track);
                if (known != null) {
                    rewritten.add(known.id());
                }
            }
        }
        List<String> keptIds = tracks.values().stream().map(Track::id).toList();
        Set<String> kept = new HashSet<>(keptIds);
        List<String> deleted = current.tracks().values().stream().map(Track::id).filter(id -> !kept.contains(id)).toList();

        boolean changed = !saved.isEmpty() || !deleted.isEmpty() || !images.equals(current.folderImages())
                || current.lastModified() == null;
        Instant lastModified = changed ? now : current.lastModified();
        Instant finished = clock.instant();
        List<SkippedFile> skipList = skipped.values().stream()
                .sorted(Comparator.comparing(SkippedFile::path)).toList();
        logNewlySkipped(skipList, current.skipped());
        List<String> removed = new ArrayList<>(deleted);
        removed.addAll(rewritten);
        if (changed || !skipped.equals(current.skipped())) {
            store.save(new CatalogueStore.Changes(removed, saved, images, skipList, lastModified, finished,
                    current.lastModified()));
        } else {
            store.saveScanTime(finished);
        }
        log.debug("scan phases: walk {} ms ({} files), read {} ms ({} files), store {} ms ({} saved, {} deleted)",
                (walked - started) / 1_000_000, files.size(), (readDone - walked) / 1_000_000, toRead.size(),
                (System.nanoTime() - readDone) / 1_000_000, saved.size(), deleted.size());
        return new LibraryState(tracks, images, skipped, lastModified, finished);
    }

    /**
     * Reads the given files (absolute, inside the music folder) and merges them into the state;
     * files that no longer exist leave it. Nothing else is walked.
     *
     * @param indexed receives the paths of the files that became tracks
     * @param written  files whose tags the caller has just saved through these editors, read from them
     *                 rather than from disk again (by absolute, normalised path)
     */
    public LibraryState index(LibraryState current, List<Path> files, List<String> indexed,
                              Map<Path, TagEditor> written) {
        Map<String, Track> tracks = new HashMap<>(current.tracks());
        Map<String, SkippedFile> skipped = new HashMap<>(current.skipped());
        Map<String, FolderImage> images = new HashMap<>(current.folderImages());
        List<Track> saved = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        Instant now = clock.instant();
        Set<String> taken = new HashSet<>();
        tracks.values().forEach(t -> taken.add(t.id()));
        for (Path given : files) {
            Path file = given.toAbsolutePath().normalize();
            if (!file.startsWith(musicDir)) {
                throw new IllegalArgumentException("not inside the music folder: " + file.getFileName());
            }
            String path = relative(file);
            Track known = tracks.remove(path);
            skipped.remove(path);
            if (!Files.isRegularFile(file)) {
                if (known != null) {
                    deleted.add(known.id());
                }
                continue;
            }
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                long size = attributes.size();
                long modified = attributes.lastModifiedTime().toMillis();
                if (!Files.isReadable(file)) {
                    skipped.put(path, new SkippedFile(path, size, modified, NOT_READABLE));
                    if (known != null) {
                        tracks.put(path, known);
                    }
                    continue;
                }
                try {
                    TagEditor editor = written.get(file);
                    TrackTags tags = editor != null ? reader.read(editor, path) : reader.read(file, path);
                    if (known == null && tags.minstrelId() != null) {
                        known = movedHere(tracks, tags.minstrelId());
                    }
                    Track track = CatalogueFactory.track(known != null ? known.id() : newId(tags, taken), path,
                            tags, size, modified, known != null ? known.created() : now);
                    tracks.put(path, track);
                    saved.add(track);
                    indexed.add(path);
                    if (known != null) {
                        deleted.add(known.id());
                    }
                } catch (UnreadableFileException e) {
                    skipped.put(path, new SkippedFile(path, size, modified, e.getMessage()));
                    if (known != null) {
                        deleted.add(known.id());
                    }
                }
                folderImage(file.getParent()).ifPresentOrElse(
                        image -> images.put(folderOfRelative(path), image),
                        () -> images.remove(folderOfRelative(path)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<SkippedFile> skipList = skipped.values().stream()
                .sorted(Comparator.comparing(SkippedFile::path)).toList();
        logNewlySkipped(skipList, current.skipped());
        store.save(new CatalogueStore.Changes(deleted, saved, images, skipList, now, now, current.lastModified()));
        return new LibraryState(tracks, images, skipped, now, now);
    }

    /**
     * The id of a new track: the one its file carries when no other track has it (a copy of a file
     * gets an id of its own), else a new one. Records it as taken.
     */
    private static String newId(TrackTags tags, Set<String> taken) {
        String id = tags.minstrelId() != null && !taken.contains(tags.minstrelId()) ? tags.minstrelId() : Ids.newTrackId();
        taken.add(id);
        return id;
    }

    /**
     * The track whose file moved to where this one is being indexed: the one with the id the file
     * carries, if its own file is gone. It leaves {@code tracks}; its id goes on with the new path.
     */
    private Track movedHere(Map<String, Track> tracks, String id) {
        for (Track track : tracks.values()) {
            if (track.id().equals(id) && !Files.exists(musicDir.resolve(track.path()))) {
                return tracks.remove(track.path());
            }
        }
        return null;
    }

    /**
     * One line per file that could not be added, when it first fails or fails anew after a change:
     * a rescan every hour must not repeat what the owner has already been told.
     */
    private static void logNewlySkipped(List<SkippedFile> skipped, Map<String, SkippedFile> before) {
        for (SkippedFile file : skipped) {
            if (!file.equals(before.get(file.path()))) {
                log.warn("cannot add {} to the library: {}", file.path(), file.reason());
            }
        }
    }

    private static String folderOfRelative(String path) {
        return CatalogueFactory.folderOf(path);
    }

    private Optional<FolderImage> folderImage(Path folder) throws IOException {
        String best = null;
        try (var entries = Files.list(folder)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (FOLDER_IMAGE.matcher(name.toLowerCase(Locale.ROOT)).matches() && Files.isRegularFile(entry)
                        && (best == null || better(name, best))) {
                    best = name;
                }
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        String folderPath = relative(folder);
        long modified = Files.getLastModifiedTime(folder.resolve(best)).toMillis();
        return Optional.of(new FolderImage(folderPath.isEmpty() ? best : folderPath + "/" + best, modified));
    }

    private static String moveKey(long size, long modified, String title, String album, String artist, int seconds) {
        return size + "\0" + modified + "\0" + title + "\0" + album + "\0" + artist + "\0" + seconds;
    }

    private Map<String, ReadResult> readAll(List<String> paths, Map<String, FileStat> files) {
        Map<String, ReadResult> results = new HashMap<>();
        if (paths.isEmpty()) {
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, paths.size()), runnable -> {
            Thread thread = new Thread(runnable, "minstrel-tag-reader");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<ReadResult>> futures = new ArrayList<>(paths.size());
            for (String path : paths) {
                futures.add(pool.submit(() -> readOne(files.get(path).file(), path)));
            }
            for (int i = 0; i < paths.size(); i++) {
                results.put(paths.get(i), futures.get(i).get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scan interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("tag reading failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private ReadResult readOne(Path file, String path) {
        try {
            return new ReadResult(reader.read(file, path), null);
        } catch (UnreadableFileException e) {
            return new ReadResult(null, e.getMessage());
        }
    }

    private void walk(Map<String, FileStat> files, Map<String, FolderImage> images, AtomicInteger filesSeen) {
        try {
            Files.walkFileTree(musicDir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            return !dir.equals(musicDir) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE
                                    : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            String name = file.getFileName().toString();
                            if (hidden(file) || !attrs.isRegularFile()) {
                                return FileVisitResult.CONTINUE;
                            }
                            if (AudioFormats.isAudio(name)) {
                                // one access() each: a rescan must notice a mode changed on an unchanged file
                                files.put(relative(file), new FileStat(file, attrs.size(),
                                        attrs.lastModifiedTime().toMillis(), Files.isReadable(file)));
                                filesSeen.incrementAndGet();
                            } else if (FOLDER_IMAGE.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
                                String path = relative(file);
                                String folder = CatalogueFactory.folderOf(path);
                                FolderImage previous = images.get(folder);
                                if (previous == null || better(name,
                                        previous.path().substring(previous.path().lastIndexOf('/') + 1))) {
                                    // its time versions the cover art ids, so that clients refetch an edited image
                                    images.put(folder, new FolderImage(path, attrs.lastModifiedTime().toMillis()));
                                }
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            // a symlink loop or an unreadable entry: leave it out, keep walking
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot walk the music folder", e);
        }
    }

    /** cover.* before folder.* before front.*, then by name so the choice is stable. */
    private static boolean better(String name, String than) {
        int a = IMAGE_PREFERENCE.indexOf(stem(name));
        int b = IMAGE_PREFERENCE.indexOf(stem(than));
        return a != b ? a < b : name.compareTo(than) < 0;
    }

    private static String stem(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.substring(0, lower.indexOf('.'));
    }

    private static boolean hidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private String relative(Path file) {
        String path = musicDir.relativize(file).toString();
        return Objects.equals(file.getFileSystem().getSeparator(), "/") ? path : path.replace(file.getFileSystem().getSeparator(), "/");
    }
}
