package dev.minstrel.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Keeps the data folder to the user Minstrel runs as: the folder {@code 0700}, the database and the
 * secret key {@code 0600}. The database holds password hashes and sealed passwords, the key opens
 * them; another account on the machine (or a backup job running as someone else) must read neither.
 * New files would otherwise get the process umask's mode (0644 as a rule), so the database file is
 * created empty here, with its mode, before H2 opens it (H2 starts a new database in an empty
 * file), and files an earlier version left readable are closed at each start.
 */
final class PrivateDataFolder {

    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateDataFolder() {
    }

    /** @param database the embedded database's file name without suffix, or null for a database elsewhere */
    static void secure(Path folder, String database) {
        if (!folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return; // no POSIX modes to set (Windows): the folder's ACLs are the user's business
        }
        try {
            if (Files.isDirectory(folder)) {
                restrict(folder, FOLDER);
            } else {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(FOLDER));
            }
            if (database != null) {
                createPrivate(folder.resolve(database + ".mv.db"));
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    String name = file.getFileName().toString();
                    boolean secret = name.equals("secret.key") || database != null && name.startsWith(database + ".");
                    if (secret && Files.isRegularFile(file)) {
                        restrict(file, FILE);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the data folder " + folder + " private", e);
        }
    }

    /**
     * A folder owned by someone else, or a file system that keeps no modes (a FAT stick), refuses:
     * Minstrel still runs there, as it did before, since nothing better can be done.
     */
    private static void restrict(Path path, Set<PosixFilePermission> permissions) {
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (IOException refused) {
            // see above
        }
    }

    private static void createPrivate(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        } catch (FileAlreadyExistsException existing) {
            // opened as it is; its mode is set with the others
        }
    }
}
