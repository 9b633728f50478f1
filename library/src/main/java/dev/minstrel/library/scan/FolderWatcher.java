package dev.minstrel.library.scan;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Watches every non-hidden folder of the music folder and calls back once changes have been quiet
 * for the debounce time, so a download of many files triggers one scan, not one per file.
 */
public final class FolderWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FolderWatcher.class);

    private final Path root;
    private final Duration debounce;
    private final Runnable onChange;
    private final ScheduledExecutorService timer;
    private final WatchService watchService;
    private final Thread thread;
    private ScheduledFuture<?> pending;

    public FolderWatcher(Path root, Duration debounce, Runnable onChange, ScheduledExecutorService timer)
            throws IOException {
        this.root = root;
        this.debounce = debounce;
        this.onChange = onChange;
        this.timer = timer;
        this.watchService = root.getFileSystem().newWatchService();
        registerTree(root);
        this.thread = new Thread(this::run, "minstrel-folder-watcher");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void registerTree(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attrs) throws IOException {
                if (!folder.equals(root) && folder.getFileName().toString().startsWith(".")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                folder.register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = watchService.take();
                Path dir = (Path) key.watchable();
                boolean relevant = false;
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        relevant = true;
                        continue;
                    }
                    Path child = dir.resolve((Path) event.context());
                    if (child.getFileName().toString().startsWith(".")) {
                        continue;
                    }
                    relevant = true;
                    if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(child)) {
                        try {
                            registerTree(child);
                        } catch (IOException e) {
                            log.warn("cannot watch new folder {}: {}", root.relativize(child), e.getMessage());
                        }
                    }
                }
                key.reset();
                if (relevant) {
                    schedule();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closing
        }
    }

    private synchronized void schedule() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = timer.schedule(onChange, debounce.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws IOException {
        thread.interrupt();
        watchService.close();
        synchronized (this) {
            if (pending != null) {
                pending.cancel(false);
            }
        }
    }
}
