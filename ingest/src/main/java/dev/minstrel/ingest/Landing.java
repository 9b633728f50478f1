package dev.minstrel.ingest;

import dev.minstrel.ingest.download.Causes;
import dev.minstrel.ingest.download.DownloadEvent;
import dev.minstrel.ingest.download.Failure;
import dev.minstrel.ingest.download.SongInfo;
import dev.minstrel.ingest.download.SpotdlDownloader;
import dev.minstrel.ingest.job.JobItem;
import dev.minstrel.ingest.landing.CompletedTags;
import dev.minstrel.ingest.landing.Duplicates;
import dev.minstrel.ingest.landing.LandingException;
import dev.minstrel.ingest.landing.LibraryPlacement;
import dev.minstrel.ingest.landing.TagCompletion;
import dev.minstrel.ingest.link.Link;
import dev.minstrel.ingest.link.LinkParser;
import dev.minstrel.library.MusicLibrary;
import dev.minstrel.library.catalogue.Track;
import dev.minstrel.library.tags.AudioFormats;
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

/** How a run's finished files join the library: checked, tagged, filed and indexed, or recognised as duplicates. */
final class Landing {

    private static final Logger log = LoggerFactory.getLogger(Landing.class);

    private final MusicLibrary library;
    private final SpotdlDownloader spotdl;
    private final LinkParser links = new LinkParser();
    private final TagCompletion tags = new TagCompletion();
    private final Duplicates duplicates = new Duplicates();
    private final LibraryPlacement placement;

    Landing(MusicLibrary library, SpotdlDownloader spotdl) {
        this.library = library;
        this.spotdl = spotdl;
        this.placement = new LibraryPlacement(library.musicDir());
    }

    /**
     * Checks, completes, moves and indexes the files of songs the downloader said it finished. A
     * file it did not vouch for (a crash mid-conversion, a failed tagging) is never landed. While
     * the downloader runs, only files it named with their length (yt-dlp) land; spotDL's land
     * after it exits ({@code all}), when its save file gives each song's length to check against.
     */
    void land(JobRun run, Path staging, boolean all) {
        Set<String> ready = run.ready();
        if (!all && ready.isEmpty()) {
            return;
        }
        Map<Path, DownloadEvent.SongFile> announced = new HashMap<>();
        run.announcedFiles().values().forEach(f -> announced.put(f.file().toAbsolutePath().normalize(), f));
        Map<String, SongInfo> songs = all ? spotdl.songs(staging) : Map.of(); // spotDL's save file, if this was spotDL
        for (Path file : audioFiles(staging)) {
            DownloadEvent.SongFile announcedFile = announced.get(file.toAbsolutePath().normalize());
            Optional<String> key = announcedFile != null ? Optional.of(announcedFile.key()) : tags.spotdlName(file);
            if (key.isEmpty() || !ready.contains(key.get()) || (!all && announcedFile == null)) {
                continue; // still being written, or abandoned half-way
            }
            JobItem item = run.itemFor(key.get());
            try {
                if (item.state().isFinal()) {
                    continue;
                }
                double expected = announcedFile != null ? announcedFile.expectedSeconds()
                        : key.map(songs::get).map(SongInfo::durationSeconds).orElse(0.0);
                String source = key.map(songs::get).map(SongInfo::sourceUrl).orElse(singleSource(run));
                CompletedTags completed = tags.complete(file, expected, source);
                Optional<Track> existing = duplicates.find(library.catalogue(), completed);
                String trackId;
                if (existing.isPresent()) {
                    Files.deleteIfExists(file);
                    trackId = existing.get().id();
                    placement.moveLyricsIn(file, library.musicDir().resolve(existing.get().path()));
                } else {
                    Path target = placement.moveIn(file, completed);
                    placement.moveLyricsIn(file, target); // before indexing, so the track is indexed with them
                    List<Track> indexed = library.index(List.of(target));
                    trackId = indexed.isEmpty() ? null : indexed.get(0).id();
                }
                run.succeeded(item, trackId, completed.title(), completed.artist(), completed.album());
            } catch (LandingException e) {
                run.failed(item, Failure.temporary(e.getMessage()));
            } catch (IOException | RuntimeException e) {
                log.warn("ingest job {}: could not land {}", run.job().id(), file.getFileName(), e);
                String reason = "The file could not be moved into the library: " + e.getMessage();
                run.failed(item, Causes.saysDiskFull(String.valueOf(e.getMessage())) ? Causes.diskFull(reason)
                        : Failure.temporary(reason));
            } finally {
                key.ifPresent(run::landed);
            }
        }
    }

    /** A single-track link is the source of the one file it yields. */
    private String singleSource(JobRun run) {
        Link link = links.parse(run.job().url());
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
