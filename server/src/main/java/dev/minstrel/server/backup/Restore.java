package dev.minstrel.server.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * {@code java -jar minstrel.jar restore <backup.zip> [data folder]}: puts a backup's database and
 * key file into a data folder that holds no database (a new one, or one whose database was moved
 * away with the server stopped). The data folder defaults to {@code MINSTREL_DATA_DIR}, else
 * {@code ./data}, as the server finds it. Runs without starting the server.
 */
public final class Restore {

    static final String DATABASE_FILE = "minstrel.mv.db";

    private Restore() {
    }

    /** Returns the process's exit code; says what it did, or what is wrong, in one line. */
    public static int run(List<String> args, PrintStream out) {
        if (args.isEmpty() || args.size() > 2) {
            out.println("usage: java -jar minstrel.jar restore <backup.zip> [data folder]");
            return 2;
        }
        Path backup = Path.of(args.get(0));
        String configured = System.getenv("MINSTREL_DATA_DIR");
        Path dataDir = Path.of(args.size() == 2 ? args.get(1) : configured != null && !configured.isBlank() ? configured : "./data")
                .toAbsolutePath().normalize();
        if (!Files.isRegularFile(backup)) {
            out.println("Minstrel cannot restore: no backup file at " + backup.toAbsolutePath());
            return 1;
        }
        if (Files.exists(dataDir.resolve(DATABASE_FILE))) {
            out.println("Minstrel cannot restore: " + dataDir.resolve(DATABASE_FILE) + " exists. Stop Minstrel and move "
                    + "the data folder's minstrel.* files away first (nothing was changed)");
            return 1;
        }
        try {
            List<String> restored = extract(backup, dataDir);
            if (!restored.contains(DATABASE_FILE)) {
                out.println("Minstrel cannot restore: " + backup + " holds no database (is it a Minstrel backup?)");
                return 1;
            }
            out.println("Restored " + String.join(" and ", restored) + " from " + backup + " into " + dataDir
                    + ": start Minstrel with this data folder");
            return 0;
        } catch (IOException e) {
            out.println("Minstrel cannot restore: " + e.getMessage());
            return 1;
        }
    }

    /** Only the two files a backup holds, each by its bare name: nothing can land outside the folder. */
    private static List<String> extract(Path backup, Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
        List<String> restored = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(backup))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName();
                if (!name.equals(DATABASE_FILE) && !name.equals(Backups.KEY_FILE)) {
                    continue;
                }
                Path target = dataDir.resolve(name);
                Path part = dataDir.resolve(name + ".part");
                Files.copy(in, part, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(part, PosixFilePermissions.fromString("rw-------"));
                Files.move(part, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                restored.add(name);
            }
        }
        return restored;
    }
}
