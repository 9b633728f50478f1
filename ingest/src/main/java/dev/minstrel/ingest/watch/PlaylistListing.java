package dev.minstrel.ingest.watch;

import dev.minstrel.ingest.IngestSettings;
import dev.minstrel.ingest.download.Causes;
import dev.minstrel.ingest.download.ChildProcess;
import dev.minstrel.ingest.download.DownloadEvent;
import dev.minstrel.ingest.download.Failure;
import dev.minstrel.ingest.download.OutputParser;
import dev.minstrel.ingest.download.PlaylistReader;
import dev.minstrel.ingest.download.ProcessGroups;
import dev.minstrel.ingest.download.SpotdlPlaylistReader;
import dev.minstrel.ingest.download.ToolEnvironment;
import dev.minstrel.ingest.download.YtDlpPlaylistReader;
import dev.minstrel.ingest.link.Link;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Runs a {@link PlaylistReader} as a child process the way downloads run (argument list, its own
 * process group, the downloaders' HOME and PATH), within the job timeout, and turns what went wrong
 * into the same plain-words {@link Failure} a download would give. Blocking.
 */
final class PlaylistListing {

    private final IngestSettings settings;
    private final ToolEnvironment tools;
    private final ProcessGroups groups;
    private final PlaylistReader spotify = new SpotdlPlaylistReader();
    private final PlaylistReader youTube = new YtDlpPlaylistReader();

    PlaylistListing(IngestSettings settings) {
        this.settings = settings;
        this.tools = new ToolEnvironment(settings);
        this.groups = new ProcessGroups(settings.processGroupsDir());
    }

    /** What reading gave: the listing, or why there is none. */
    sealed interface Result {
    }

    record Listed(PlaylistReader.Listing listing) implements Result {
    }

    record Failed(Failure failure) implements Result {
    }

    /** @param workDir a folder of this read's own, removed afterwards */
    Result read(Link playlist, Path workDir) {
        PlaylistReader reader = playlist.isYouTube() ? youTube : spotify;
        var tool = reader.downloader().tool();
        Optional<Path> executable = tools.executable(reader.downloader());
        if (executable.isEmpty()) {
            return new Failed(Failure.permanent(tool.installHint()));
        }
        try {
            deleteQuietly(workDir);
            Files.createDirectories(workDir);
            return run(reader, executable.get(), playlist, workDir, tools.processEnvironment());
        } catch (IOException e) {
            return new Failed(Causes.saysDiskFull(String.valueOf(e.getMessage()))
                    ? Causes.diskFull("Minstrel could not prepare a folder to read the playlist: " + e.getMessage())
                    : Failure.temporary("Minstrel could not prepare a folder to read the playlist: " + e.getMessage()));
        } finally {
            deleteQuietly(workDir);
        }
    }

    /** @param environment the same environment downloads get: spotDL keeps its config and token cache under HOME */
    private Result run(PlaylistReader reader, Path executable, Link playlist, Path workDir,
                       Map<String, String> environment) {
        // a listing has no songs to fail one by one: a failure the parser names per song is the run's
        AtomicReference<Failure> named = new AtomicReference<>();
        OutputParser parser = reader.downloader().parser(event -> {
            if (event instanceof DownloadEvent.SongFailed failed) {
                named.set(failed.failure());
            }
        });
        List<String> stdout = Collections.synchronizedList(new ArrayList<>());
        List<String> all = Collections.synchronizedList(new ArrayList<>());
        ChildProcess process;
        try {
            process = ChildProcess.start(reader.command(executable, playlist, workDir, settings), workDir, environment,
                    groups, line -> {
                        stdout.add(line);
                        all.add(line);
                        parser.stdout(line);
                    }, line -> {
                        all.add(line);
                        parser.stderr(line);
                    });
        } catch (UncheckedIOException e) {
            return new Failed(Causes.toolCannotStart(reader.downloader().tool(), e.getCause().getMessage()));
        }
        try (ChildProcess child = process) {
            OptionalInt exit = child.waitFor(settings.jobTimeout());
            if (exit.isEmpty()) {
                child.stop(settings.stopGrace());
                return new Failed(Failure.temporary("Reading the playlist took longer than "
                        + settings.jobTimeout().toMinutes() + " min and was stopped; it will be tried again."));
            }
            Optional<String> notStarted = ProcessGroups.startFailure(exit.getAsInt(), List.copyOf(all));
            if (notStarted.isPresent()) {
                return new Failed(Causes.toolCannotStart(reader.downloader().tool(), notStarted.get()));
            }
            if (exit.getAsInt() != 0) {
                return new Failed(parser.fatal(exit.getAsInt()).or(() -> Optional.ofNullable(named.get()))
                        .orElse(Failure.temporary(reader.downloader().tool().displayName()
                                + " could not read the playlist (exit code " + exit.getAsInt() + ")")));
            }
            try {
                return new Listed(reader.listing(List.copyOf(stdout), workDir));
            } catch (RuntimeException e) {
                return new Failed(Failure.temporary(reader.downloader().tool().displayName()
                        + " gave a playlist listing Minstrel could not read: " + e.getMessage()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed(Failure.temporary("Minstrel stopped while reading the playlist."));
        }
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: the next read clears the folder first
        }
    }
}
