package dev.minstrel.compat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Acknowledged means stored: a server killed with SIGKILL under write load loses no acknowledged write. */
class DurabilityIT {

    @Test
    void everyWriteAcknowledgedBeforeAKillMinus9IsThereAfterTheRestart(@TempDir Path dir) throws Exception {
        Path music = dir.resolve("music");
        Path data = dir.resolve("data");
        Map<String, String> env = LibraryServer.generate(music, 24, 20261203L);
        List<String> tracks;
        WriteLoad load;
        try (PackagedServer server = PackagedServer.start(music, data, env)) {
            SubsonicClient owner = SubsonicClient.owner(server, "durability");
            LibraryServer.awaitScan(owner, Duration.ofSeconds(60));
            tracks = trackIds(owner, 16);
            load = WriteLoad.start(owner, tracks);
            Thread.sleep(3000);
            server.kill(); // SIGKILL while the writers are mid-flight
            load.close();
        }
        assertThat(load.acknowledgedWrites()).as("writes acknowledged before the kill").isGreaterThan(100);

        try (PackagedServer again = PackagedServer.start(music, data, env)) {
            int checked = load.assertEveryAcknowledgedWriteIn(SubsonicClient.owner(again, "durability"));
            assertThat(checked).isGreaterThan(16);
        }
    }

    /** The first {@code count} tracks of the library, by id. */
    static List<String> trackIds(SubsonicClient owner, int count) {
        List<String> ids = new ArrayList<>();
        owner.json("search3", "query", "", "songCount", Integer.toString(count), "albumCount", "0", "artistCount", "0")
                .path("searchResult3").path("song").forEach(song -> ids.add(song.path("id").asString()));
        assertThat(ids).hasSize(count);
        return ids;
    }
}
