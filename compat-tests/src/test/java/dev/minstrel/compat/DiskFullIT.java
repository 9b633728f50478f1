package dev.minstrel.compat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data folder's disk fills up under write load: writes are refused in the protocol's terms
 * instead of answered ok and lost, reads and streams go on, and writes work again by themselves
 * once space is back; nothing acknowledged is lost, also across a restart.
 */
class DiskFullIT {

    @Test
    void aFullDiskRefusesWritesPlainlyKeepsReadsAndRecoversWhenSpaceIsBack(@TempDir Path dir) throws Exception {
        Path music = dir.resolve("music");
        Map<String, String> env = LibraryServer.generate(music, 12, 20261203L);
        env.put("MINSTREL_DATABASE_SPACE_FLOOR", "4MB");
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("data"), 24)) {
            WriteLoad load;
            List<String> tracks;
            try (PackagedServer server = PackagedServer.start(music, disk.root(), env)) {
                SubsonicClient owner = SubsonicClient.owner(server, "disk-full");
                LibraryServer.awaitScan(owner, Duration.ofSeconds(60));
                tracks = DurabilityIT.trackIds(owner, 8);
                WebVisitor web = WebVisitor.owner(server, "198.51.100.70");
                load = WriteLoad.start(owner, tracks);
                Thread.sleep(1000);

                // another program takes the disk down to 2 MB, below the 4 MB floor: the floor
                // refuses writes before H2 meets a full disk (the test below lets H2 meet it)
                Path filler = disk.fillLeaving(2 * 1024 * 1024);
                assertThat(disk.usableBytes()).isLessThan(4 * 1024 * 1024);
                Thread.sleep(1500); // the writers keep going against the full disk

                JsonNode refused = owner.jsonError("star", "id", tracks.get(0));
                assertThat(refused.path("code").asInt()).isZero();
                assertThat(refused.path("message").asString()).contains("disk is full");
                WebVisitor.Reply invite = web.post("/api/invites", Map.of());
                assertThat(invite.status()).isEqualTo(507);
                assertThat(invite.json().path("detail").asString()).contains("disk is full");
                assertThat(owner.json("getSong", "id", tracks.get(0)).path("song").path("id").asString())
                        .isEqualTo(tracks.get(0));
                assertThat(owner.json("getPlaylists").path("playlists").path("playlist").size()).isPositive();
                HttpResponse<byte[]> stream = owner.getBytes(owner.request("stream", null, "id", tracks.get(0)));
                assertThat(stream.statusCode()).isEqualTo(200);
                assertThat(stream.body().length).isPositive();
                assertThat(web.get("/api/invites").status()).isEqualTo(200);
                JsonNode health = web.get("/api/health").json();
                assertThat(health.path("status").asString()).isEqualTo("degraded");
                assertThat(health.path("checks")).filteredOn(c -> c.path("name").asString().equals("diskSpace"))
                        .singleElement().satisfies(c -> assertThat(c.path("status").asString()).isEqualTo("down"));

                Files.delete(filler);
                awaitWritesAccepted(owner, tracks.get(0));
                awaitApiWritesAccepted(web, server);
                Thread.sleep(1000);
                load.close();
                assertThat(load.refusedWrites()).as("writes refused while the disk was full").isPositive();
                load.assertEveryAcknowledgedWriteIn(owner);
            }
            try (PackagedServer again = PackagedServer.start(music, disk.root(), env)) {
                load.assertEveryAcknowledgedWriteIn(SubsonicClient.owner(again, "disk-full"));
            }
        }
    }

    /**
     * Without the floor a write meets the full disk inside H2, which then closes the database: the
     * write fails instead of answering ok, and the server reopens the database by itself.
     */
    @Test
    void aWriteThatMeetsTheFullDiskFailsAndTheDatabaseReopensOnceSpaceIsBack(@TempDir Path dir) throws Exception {
        Path music = dir.resolve("music");
        Map<String, String> env = LibraryServer.generate(music, 6, 20261204L);
        env.put("MINSTREL_DATABASE_SPACE_FLOOR", "0");
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("data"), 24);
             PackagedServer server = PackagedServer.start(music, disk.root(), env)) {
            SubsonicClient owner = SubsonicClient.owner(server, "disk-full");
            LibraryServer.awaitScan(owner, Duration.ofSeconds(60));
            List<String> tracks = DurabilityIT.trackIds(owner, 4);
            Path filler = disk.fill();

            for (int i = 0; i < 20; i++) {
                String name = "on a full disk " + i;
                HttpResponse<String> create = owner.get("createPlaylist", "json", "name", name, "songId", tracks.get(0));
                assertThat(create.body()).as("a write on the full disk is never acknowledged").doesNotContain("\"status\":\"ok\"");
            }
            Files.delete(filler);
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!owner.get("createPlaylist", "json", "name", "after", "songId", tracks.get(0)).body()
                    .contains("\"status\":\"ok\"")) {
                assertThat(System.nanoTime()).as("writes work again once space is back").isLessThan(deadline);
                Thread.sleep(200);
            }
            assertThat(owner.json("getPlaylists").path("playlists").path("playlist"))
                    .extracting(p -> p.path("name").asString()).containsExactly("after");
        }
    }

    /**
     * The pool replaces the connections of a database H2 closed one by one as they are handed out,
     * so an /api write may meet one a moment after a Subsonic write succeeded: it is answered 503
     * (nothing stored, try again), never 500, and succeeds within seconds.
     */
    private static void awaitApiWritesAccepted(WebVisitor web, PackagedServer server) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            WebVisitor.Reply invite = web.post("/api/invites", Map.of());
            if (invite.status() == 201) {
                return;
            }
            assertThat(invite.status()).as(invite.body() + "\n" + server.log()).isEqualTo(503);
            assertThat(System.nanoTime()).as("/api writes accepted again once space is back").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static void awaitWritesAccepted(SubsonicClient owner, String trackId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            HttpResponse<String> star = owner.get("star", "json", "id", trackId);
            if (star.body().contains("\"status\":\"ok\"")) {
                owner.json("unstar", "id", trackId);
                return;
            }
            assertThat(System.nanoTime()).as("writes accepted again once space is back: " + star.body())
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
