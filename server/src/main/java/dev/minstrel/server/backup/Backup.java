package dev.minstrel.server.backup;

import java.time.Instant;

/**
 * One backup file in {@code <data folder>/backups}.
 *
 * @param name      the file's name, e.g. {@code minstrel-20261203-153000.zip}
 * @param size      bytes
 * @param createdAt when it was taken
 */
public record Backup(String name, long size, Instant createdAt) {
}
