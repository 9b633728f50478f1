package dev.minstrel.library;

import dev.minstrel.library.catalogue.Catalogue;
import dev.minstrel.library.catalogue.Track;
import dev.minstrel.library.cover.CoverArt;
import dev.minstrel.library.cover.CoverArtService;
import dev.minstrel.library.lyrics.Lyrics;
import dev.minstrel.library.lyrics.LyricsFinder;
import dev.minstrel.library.scan.CatalogueFactory;
import dev.minstrel.library.scan.FolderWatcher;
import dev.minstrel.library.scan.LibraryState;
import dev.minstrel.library.scan.ScanStatus;
import dev.minstrel.library.scan.Scanner;
import dev.minstrel.library.store.CatalogueStore;
import dev.minstrel.library.store.CatalogueStore.SkippedFile;
import dev.minstrel.library.store.CatalogueStore.StaleCatalogueException;
import dev.minstrel.library.store.InstanceLease;
import dev.minstrel.library.tags.TagEditor;
import dev.minstrel.library.tags.TagReader;
import io.r2dbc.spi.ConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The music library: loads the stored catalogue at start (visible at once), keeps it current with
 * incremental scans (at start, on a schedule, on demand and when files change) and serves cover
 * art and lyrics. Scans run one at a time; each builds a new catalogue that is swapped in only
 * after its database transaction commits.
 */
public final class LibraryService implements MusicLibrary, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LibraryService.class);
    private static final Duration WATCH_DEBOUNCE = Duration.ofSeconds(2);

    private final LibrarySettings settings;
    private final Path musicDir;
    private final CatalogueStore store;
    private final Scanner scanner;
    private final CoverArtService covers;
    private final LyricsFinder lyrics;
    private final AtomicReference<Catalogue> catalogue = new AtomicReference<>(Catalogue.empty());
    private final ReentrantLock scanLock = new ReentrantLock();
    private final AtomicBoolean backgroundScan = new AtomicBoolean();
    private final AtomicBoolean rescanRequested = new AtomicBoolean();
    private final AtomicInteger filesSeen = new AtomicInteger();
    private final ExecutorService scanExecutor;
    private final ScheduledExecutorService timer;
    private volatile LibraryState state = new LibraryState(Map.of(), Map.of(), Map.of(), null, null);
    /**
     * Done once the stored catalogue is in memory ({@link #startLoadingCatalogue()}): until then every
     * read and every scan waits for it, so nothing answers from, or builds on, a half-loaded one.
     */
    private volatile CompletableFuture<Void> storedCatalogue = CompletableFuture.completedFuture(null);
    private volatile boolean scanning;
    private volatile long lastScanMillis;
    private FolderWatcher watcher;
    private ScheduledFuture<?> scheduledScans;
    /** Set when several instances share the database: only the holder scans and watches. */
    private volatile InstanceLease scannerLease;
    private volatile Duration coordinationInterval;
    /** The last scan request of another instance this one has seen (only the timer thread uses it). */
    private Long servedScanRequest;
    private final Clock clock;
    /** Whether this instance scans and watches the folder: always, unless it shares the database. */
    private volatile boolean scansHere = true;

    public LibraryService(LibrarySettings settings, ConnectionFactory connectionFactory, Clock clock) {
        this(settings, connectionFactory, null, clock);
    }

    /**
     * @param jdbc a JDBC connection to the same database, which loads the stored catalogue at about
     *             half the CPU of R2DBC (see {@link CatalogueStore#CatalogueStore(ConnectionFactory,
     *             CatalogueStore.JdbcConnections)}); null loads it over R2DBC
     */
    public LibraryService(LibrarySettings settings, ConnectionFactory connectionFactory,
                          CatalogueStore.JdbcConnections jdbc, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        try {
            Files.createDirectories(settings.musicDir());
            this.musicDir = settings.musicDir().toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the music folder", e);
        }
        TagReader reader = new TagReader(settings.catalogue());
        this.store = new CatalogueStore(connectionFactory, jdbc);
        this.scanner = new Scanner(musicDir, reader, store, clock, settings.scanThreads());
        this.covers = new CoverArtService(musicDir, settings.cacheDir().resolve("covers"),
                settings.thumbnailCacheBytes(), reader, this::catalogue);
        this.lyrics = new LyricsFinder(musicDir, reader);
        this.scanExecutor = Executors.newSingleThreadExecutor(daemon("minstrel-scan"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("minstrel-library-timer"));
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Loads the stored catalogue, then scans in the background, schedules scans and starts watching. */
    public void start() {
        loadCatalogue();
        startBackgroundWork();
    }

    /**
     * Loads the stored catalogue, so the library answers with what it held at the last stop. A
     * server calls this before it takes requests and {@link #startBackgroundWork()} once it does:
     * the first scan then no longer competes with the start-up for the CPU.
     */
    public void loadCatalogue() {
        long started = System.nanoTime();
        CatalogueStore.Snapshot snapshot = store.load();
        long read = System.nanoTime();
        LibraryState loaded = new LibraryState(
                snapshot.tracks().stream().collect(Collectors.toMap(Track::path, Function.identity())),
                snapshot.folderImages(),
                snapshot.skipped().stream().collect(Collectors.toMap(SkippedFile::path, Function.identity())),
                snapshot.lastModified(), snapshot.lastScan());
        swap(loaded);
        log.info("stored catalogue loaded: {} tracks, read in {} ms, built in {} ms", snapshot.tracks().size(),
                TimeUnit.NANOSECONDS.toMillis(read - started), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - read));
    }

    /**
     * {@link #loadCatalogue()} on a thread of its own, so that a server's start-up goes on beside it
     * (on a Pi the load of 10,000 tracks is about a quarter of the start); {@link #awaitCatalogue()}
     * waits for it, and so does every read of the catalogue and every scan until it is done.
     */
    public void startLoadingCatalogue() {
        CompletableFuture<Void> loading = new CompletableFuture<>();
        storedCatalogue = loading;
        Thread loader = new Thread(() -> {
            try {
                loadCatalogue();
                loading.complete(null);
            } catch (Throwable e) {
                loading.completeExceptionally(e);
            }
        }, "minstrel-catalogue-load");
        loader.setDaemon(true);
        loader.start();
    }

    /** Returns once the stored catalogue is loaded; throws what stopped its load. */
    public void awaitCatalogue() {
        CompletableFuture<Void> loading = storedCatalogue;
        if (loading.isDone() && !loading.isCompletedExceptionally()) {
            return;
        }
        try {
            loading.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error failure) {
                throw failure;
            }
            throw e;
        }
    }

    /**
     * Several instances share the database (and the music folder): call before
     * {@link #startBackgroundWork()}. Then only the instance that holds {@code lease} scans and
     * watches the folder (another takes over when it stops renewing), and every instance reloads
     * the catalogue within {@code every} of a change another one stored (a scan, a landed download).
     */
    public void shareDatabase(InstanceLease lease, Duration every) {
        this.scannerLease = lease;
        this.coordinationInterval = every;
        this.scansHere = false;
    }

    /**
     * Scans once in the background, then on the configured schedule and whenever files change;
     * with a shared database, starts taking part in it ({@link #shareDatabase}).
     */
    public void startBackgroundWork() {
        if (scannerLease == null) {
            startScanning();
        } else {
            timer.scheduleWithFixedDelay(this::coordinate, 0, coordinationInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void startScanning() {
        startScan(false);
        Duration interval = settings.scanInterval();
        if (!interval.isZero()) {
            scheduledScans = timer.scheduleWithFixedDelay(this::requestScan, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        if (settings.watch()) {
            try {
                watcher = new FolderWatcher(musicDir, WATCH_DEBOUNCE, this::requestScan, timer);
            } catch (IOException e) {
                log.warn("cannot watch the music folder, relying on scheduled scans: {}", e.getMessage());
            }
        }
    }

    private synchronized void stopScanning() {
        if (scheduledScans != null) {
            scheduledScans.cancel(false);
            scheduledScans = null;
        }
        closeWatcher();
    }

    /** One tick of a shared database: hold or lose the scanner's lease, then catch up with the stored catalogue. */
    private void coordinate() {
        try {
            boolean holds = scannerLease.hold();
            if (holds && !scansHere) {
                scansHere = true;
                log.info("this instance ({}) now scans and watches the music folder", scannerLease.holder());
                startScanning();
            } else if (!holds && scansHere) {
                scansHere = false;
                log.info("another instance scans and watches the music folder now");
                stopScanning();
            }
            Long requested = store.scanRequested();
            if (scansHere && requested != null && !requested.equals(servedScanRequest)) {
                // the first look only notes what was asked before this instance took over: its own scan covers it
                if (servedScanRequest != null) {
                    startScan(requested < 0);
                }
            }
            servedScanRequest = requested == null ? Long.valueOf(0L) : requested;
            Long stored = store.lastModifiedMillis();
            Instant held = state.lastModified();
            if (stored != null && (held == null || held.toEpochMilli() != stored) && scanLock.tryLock()) {
                try {
                    loadCatalogue();
                } finally {
                    scanLock.unlock();
                }
            }
        } catch (RuntimeException e) {
            if (timer.isShutdown()) {
                return; // stopping: the tick was interrupted
            }
            // the database may be briefly out of reach: the next tick tries again
            log.warn("cannot check the shared catalogue: {}", e.toString());
        }
    }

    @Override
    public void close() {
        closeWatcher();
        timer.shutdownNow();
        scanExecutor.shutdown();
        try {
            if (!scanExecutor.awaitTermination(30, TimeUnit.SECONDS)) {
                scanExecutor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (scannerLease != null && scansHere) {
            try {
                scannerLease.release();
            } catch (RuntimeException e) {
                log.debug("releasing the scanner's lease: {}", e.toString());
            }
        }
    }

    private synchronized void closeWatcher() {
        try {
            if (watcher != null) {
                watcher.close();
                watcher = null;
            }
        } catch (IOException e) {
            log.debug("closing the folder watcher: {}", e.getMessage());
        }
    }

    @Override
    public Catalogue catalogue() {
        awaitCatalogue();
        return catalogue.get();
    }

    @Override
    public ScanStatus scanStatus() {
        awaitCatalogue();
        LibraryState current = state;
        Catalogue cat = catalogue.get();
        List<ScanStatus.SkippedFile> skipped = current.skipped().values().stream()
                .map(s -> new ScanStatus.SkippedFile(s.path(), s.reason()))
                .sorted(Comparator.comparing(ScanStatus.SkippedFile::path)).toList();
        // a track whose file may not be read now is in both
        long skippedOnly = current.skipped().keySet().stream().filter(path -> !current.tracks().containsKey(path)).count();
        return new ScanStatus(scanning, scanning ? filesSeen.get() : current.tracks().size() + (int) skippedOnly,
                cat.trackCount(), cat.folderCount(), skipped, current.lastScan(), lastScanMillis);
    }

    /** Whether this instance scans and watches the music folder (always, unless it shares the database). */
    public boolean scansTheFolder() {
        return scansHere;
    }

    /**
     * Starts a scan unless one is running; on an instance that does not scan (another holds the
     * lease), asks the one that does, which starts it within one check of the shared catalogue.
     */
    @Override
    public boolean startScan(boolean full) {
        if (!scansHere) {
            store.requestScan(clock.millis(), full);
            return true;
        }
        if (!backgroundScan.compareAndSet(false, true)) {
            return false;
        }
        try {
            scanExecutor.execute(() -> {
                try {
                    scanNow(full);
                } catch (RuntimeException e) {
                    log.error("library scan failed: {}", e.toString(), e);
                } finally {
                    backgroundScan.set(false);
                }
                if (rescanRequested.getAndSet(false)) {
                    startScan(false);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            backgroundScan.set(false);
            return false;
        }
    }

    /**
     * Waits until the background scans queued so far have finished (for start-up checks and
     * tests). Returns false if they did not finish in time.
     */
    public boolean awaitIdle(Duration timeout) {
        try {
            scanExecutor.submit(() -> { }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException
                 | RejectedExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A scan because something changed: if one is running, another follows it. */
    private void requestScan() {
        if (!startScan(false)) {
            rescanRequested.set(true);
        }
    }

    @Override
    public ScanStatus scanNow(boolean full) {
        awaitCatalogue();
        scanLock.lock();
        try {
            scanning = true;
            filesSeen.set(0);
            long started = System.nanoTime();
            LibraryState next = againIfStale(() -> scanner.scan(state, full, filesSeen));
            long swapStarted = System.nanoTime();
            swap(next);
            log.debug("catalogue built in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - swapStarted));
            lastScanMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            log.info("library scan done: {} tracks, {} unreadable files, {} ms", next.tracks().size(),
                    next.skipped().size(), lastScanMillis);
        } finally {
            scanning = false;
            scanLock.unlock();
        }
        return scanStatus();
    }

    @Override
    public List<Track> index(List<Path> files) {
        return index(files, Map.of());
    }

    @Override
    public Optional<Track> index(Path file, TagEditor written) {
        return index(List.of(file), Map.of(file.toAbsolutePath().normalize(), written)).stream().findFirst();
    }

    private List<Track> index(List<Path> files, Map<Path, TagEditor> written) {
        awaitCatalogue();
        scanLock.lock();
        try {
            List<String> indexed = new ArrayList<>();
            LibraryState next = againIfStale(() -> {
                indexed.clear();
                return scanner.index(state, files, indexed, written);
            });
            swap(next);
            Catalogue cat = catalogue.get();
            return indexed.stream().map(path -> next.tracks().get(path)).map(t -> cat.track(t.id()).orElseThrow()).toList();
        } finally {
            scanLock.unlock();
        }
    }

    /**
     * Runs a scan or an index; when another instance changed the stored catalogue meanwhile, loads
     * it and runs it again on top of it (a few times at most: each retry sees a newer catalogue).
     * Called under the scan lock.
     */
    private LibraryState againIfStale(Supplier<LibraryState> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (StaleCatalogueException e) {
                if (attempt == 3) {
                    throw e;
                }
                log.debug("another instance changed the catalogue; loading it and trying again");
                loadCatalogue();
            }
        }
    }

    /** Publishes a new catalogue, unless the scan changed nothing: then the current one stands. */
    private void swap(LibraryState next) {
        boolean unchanged = next.lastModified() != null && next.lastModified().equals(state.lastModified())
                && next.folderImages().equals(state.folderImages()) && next.tracks().equals(state.tracks());
        if (unchanged) {
            state = next;
            return;
        }
        Catalogue built = CatalogueFactory.catalogue(next, settings.catalogue());
        catalogue.set(built);
        // keep one copy of each track: the state refers to the catalogue's (cover art resolved)
        Map<String, Track> byPath = new HashMap<>(built.trackCount() * 2);
        for (Track track : built.tracks()) {
            byPath.put(track.path(), track);
        }
        state = new LibraryState(byPath, next.folderImages(), next.skipped(), next.lastModified(), next.lastScan());
    }

    @Override
    public Optional<Path> file(Track track) {
        Path file = musicDir.resolve(track.path()).normalize();
        return file.startsWith(musicDir) && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    @Override
    public Optional<CoverArt> coverArt(String id, Integer size) {
        return covers.coverArt(id, size);
    }

    @Override
    public Optional<Lyrics> lyrics(Track track) {
        return lyrics.lyrics(track);
    }

    @Override
    public Path musicDir() {
        return musicDir;
    }
}
