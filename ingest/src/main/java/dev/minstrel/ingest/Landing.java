package dev.minstrel.ingest;

import dev.minstrel.ingest.download.Causes;
import dev.minstrel.ingest.download.DownloadEvent;
import dev.minstrel.ingest.download.Downloader;
import dev.minstrel.ingest.download.Failure;
import dev.minstrel.ingest.download.SongInfo;
import dev.minstrel.ingest.job.JobItem;
import dev.minstrel.ingest.landing.CompletedTags;
import dev.minstrel.ingest.landing.Duplicates;
import dev.minstrel.ingest.landing.LandingException;
import dev.minstrel.ingest.landing.LibraryPlacement;
import dev.minstrel.ingest.landing.TagCompletion;
import dev.minstrel.ingest.link.Link;
import dev.minstrel.library.MusicLibrary;
import dev.minstrel.library.catalogue.Track;
import dev.minstrel.library.tags.AudioFormats;
import dev.minstrel.library.tags.TagEditor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How a run's finished files join the library: checked, tagged, filed and indexed, or recognised as
 * songs the library has already. Each file's tags are read once: the editor that names the song
 * completes its tags and is what the library indexes.
 */
final class Landing {

    private static final Logger log = LoggerFactory.getLogger(Landing.class);

    private final MusicLibrary library;
    private final Duplicates duplicates;
    private final TagCompletion tags = new TagCompletion();
    private final LibraryPlacement placement;

    Landing(MusicLibrary library, Duplicates duplicates) {
        this.library = library;
        this.duplicates = duplicates;
        this.placement = new LibraryPlacement(library.musicDir());
    }

    /**
     * While the downloader runs: lands the files it named with their length (yt-dlp) as soon as it
     * says they are finished. spotDL's files wait for {@link #landAll}.
     */
    void landAnnounced(JobRun run, Path staging, Downloader downloader) {
        land(run, staging, downloader, Map.of(), false);
    }

    /**
     * After the downloader exited: lands every file of a song it said it finished; a file it did not
     * vouch for (a crash mid-conversion, a failed tagging) is never landed. What the downloader
     * recorded about each song (spotDL's save file: its page, length and ISRC) checks and completes
     * the file.
     */
    void landAll(JobRun run, Path staging, Downloader downloader) {
        land(run, staging, downloader, downloader.songs(staging), true);
    }

    private void land(JobRun run, Path staging, Downloader downloader, Map<String, SongInfo> songs, boolean all) {
        Set<String> ready = run.ready();
        if (!all && ready.isEmpty()) {
            return;
        }
        Map<Path, DownloadEvent.SongFile> announced = new HashMap<>();
        run.announcedFiles().values().forEach(f -> announced.put(f.file().toAbsolutePath().normalize(), f));
        for (Path file : audioFiles(staging)) {
            DownloadEvent.SongFile announcedFile = announced.get(file.toAbsolutePath().normalize());
            if (announcedFile == null ? !all : !ready.contains(announcedFile.key())) {
                // a downloader that names no files (spotDL): its songs are known by their tags, read once it has exited
                continue;
            }
            TagEditor opened;
            try {
                opened = tags.open(file);
            } catch (LandingException e) {
                if (announcedFile != null) {
                    JobItem item = run.itemFor(announcedFile.key());
                    if (!item.state().isFinal()) {
                        run.failed(item, Failure.temporary(e.getMessage()));
                    }
                    run.landed(announcedFile.key());
                }
                continue; // unreadable and unnamed: abandoned half-way
            }
            Optional<String> key = announcedFile != null ? Optional.of(announcedFile.key()) : downloader.songKey(opened);
            if (key.isEmpty() || !ready.contains(key.get())) {
                continue; // still being written, or abandoned half-way
            }
            try {
                JobItem item = run.itemFor(key.get());
                if (!item.state().isFinal()) {
                    Optional<SongInfo> song = Optional.ofNullable(songs.get(key.get()));
                    double expected = announcedFile != null ? announcedFile.expectedSeconds()
                            : song.map(SongInfo::durationSeconds).orElse(0.0);
                    String source = song.map(SongInfo::sourceUrl).orElse(singleSource(run.link()));
                    landOne(run, item, file, opened, expected, source, song.map(SongInfo::isrc).orElse(null));
                }
            } finally {
                run.landed(key.get());
            }
        }
    }

    private void landOne(JobRun run, JobItem item, Path file, TagEditor opened, double expected, String source,
                         String isrc) {
        try {
            CompletedTags completed = tags.complete(opened, file, expected, source, isrc);
            Optional<Track> existing = duplicates.find(library.catalogue(), completed);
            if (existing.isPresent()) {
                Files.deleteIfExists(file);
                placement.moveLyricsIn(file, library.musicDir().resolve(existing.get().path()));
                run.inLibrary(item, existing.get());
                return;
            }
            Path target = placement.moveIn(file, completed);
            placement.moveLyricsIn(file, target); // before indexing, so the track is indexed with them
            String trackId = library.index(target, opened).map(Track::id).orElse(null);
            run.succeeded(item, trackId, completed.title(), completed.artist(), completed.album());
        } catch (LandingException e) {
            run.failed(item, Failure.temporary(e.getMessage()));
        } catch (IOException | RuntimeException e) {
            log.warn("ingest job {}: could not land {}", run.job().id(), file.getFileName(), e);
            String reason = "The file could not be moved into the library: " + e.getMessage();
            run.failed(item, Causes.saysDiskFull(String.valueOf(e.getMessage())) ? Causes.diskFull(reason)
                    : Failure.temporary(reason));
        }
    }

    /** A single-track link is the source of the one file it yields. */
    private static String singleSource(Link link) {
        return link.kind() == Link.Kind.TRACK ? link.url() : null;
    }

    private static List<Path> audioFiles(Path staging) {
        if (!Files.isDirectory(staging)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(staging)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> AudioFormats.isAudio(p.getFileName().toString()))
                    .filter(p -> !staging.relativize(p).startsWith("tmp"))
                    .sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
