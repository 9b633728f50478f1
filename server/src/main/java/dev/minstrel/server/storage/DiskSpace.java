package dev.minstrel.server.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Free space on the disk that holds the data folder (the database, the key, backups), against the
 * reserve that writes keep free. H2 closes the whole database when a write meets a full disk, so
 * writes are refused while less than the reserve is free, before they reach it; reads go on.
 * Crossing the reserve either way is logged once.
 */
public final class DiskSpace {

    private static final Logger log = LoggerFactory.getLogger(DiskSpace.class);

    private final Path dataDir;
    private final long reserveBytes;
    private final AtomicBoolean low = new AtomicBoolean();

    public DiskSpace(Path dataDir, long reserveBytes) {
        this.dataDir = dataDir;
        this.reserveBytes = reserveBytes;
    }

    /** Bytes this process may still write to the data folder's disk; 0 when it cannot be read. */
    public long usableBytes() {
        try {
            return Files.getFileStore(dataDir).getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }

    public long reserveBytes() {
        return reserveBytes;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** True when writes may go ahead: at least the reserve is free. */
    public boolean allowsWrites() {
        long usable = usableBytes();
        boolean nowLow = usable < reserveBytes;
        if (low.compareAndSet(!nowLow, nowLow)) {
            if (nowLow) {
                log.warn("only {} MB free on the disk of {}, less than the {} MB kept for the database: "
                        + "writes are refused until space is freed (reading and streaming go on)",
                        usable >> 20, dataDir, reserveBytes >> 20);
            } else {
                log.info("{} MB free again on the disk of {}: writes are accepted", usable >> 20, dataDir);
            }
        }
        return !nowLow;
    }

    /** What a refused write is told, in plain words. */
    public String refusal() {
        return "The server's disk is full: nothing can be saved until space is freed on it "
                + "(reading and streaming still work)";
    }
}
