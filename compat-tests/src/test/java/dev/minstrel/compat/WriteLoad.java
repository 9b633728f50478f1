package dev.minstrel.compat;

import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subsonic writes as apps send them, from five threads at once, each thread remembering what the
 * server acknowledged and what it was still waiting for: ratings and star/unstar (the last value
 * wins), the play queue's position, new playlists and scrobbles (play counts only grow). A write
 * whose answer never came (the server was killed, the disk was full) may or may not have been
 * stored; an acknowledged one must be. {@link #mark()} notes what was acknowledged at a moment (a
 * backup beginning) and every value written after it.
 */
final class WriteLoad implements AutoCloseable {

    /** Thread-confined: one writer's history. */
    private static final class Writer {
        final Map<String, String> acknowledged = new HashMap<>();
        final Map<String, String> pending = new HashMap<>();
        /** What was acknowledged when the writer saw the mark; null before. */
        Map<String, String> atMark;
        final Map<String, Set<String>> afterMark = new HashMap<>();
        final Map<String, Integer> plays = new HashMap<>();
        int acknowledgedWrites;
        int refusedWrites;
    }

    private final SubsonicClient client;
    private final List<String> trackIds;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    private final List<Writer> writers = new ArrayList<>();
    private volatile CountDownLatch mark;

    private WriteLoad(SubsonicClient client, List<String> trackIds) {
        this.client = client;
        this.trackIds = trackIds;
    }

    /** Starts writing at once; {@code trackIds} should hold at least 8 tracks. */
    static WriteLoad start(SubsonicClient client, List<String> trackIds) {
        WriteLoad load = new WriteLoad(client, trackIds);
        load.spawn("ratings", load::rateTracks);
        load.spawn("stars", load::starTracks);
        load.spawn("queue", load::saveQueue);
        load.spawn("playlists", load::createPlaylists);
        load.spawn("scrobbles", load::scrobble);
        return load;
    }

    private void spawn(String name, java.util.function.Consumer<Writer> body) {
        Writer writer = new Writer();
        writers.add(writer);
        Thread thread = new Thread(() -> body.accept(writer), "write-load-" + name);
        thread.setDaemon(true);
        thread.start();
        threads.add(thread);
    }

    private List<String> half(int which) {
        int middle = trackIds.size() / 2;
        return which == 0 ? trackIds.subList(0, middle) : trackIds.subList(middle, trackIds.size());
    }

    private void rateTracks(Writer writer) {
        List<String> tracks = half(0);
        for (int n = 0; running.get(); n++) {
            String id = tracks.get(n % tracks.size());
            write(writer, "rating:" + id, Integer.toString(n % 5 + 1), "setRating", "id", id, "rating",
                    Integer.toString(n % 5 + 1));
        }
    }

    private void starTracks(Writer writer) {
        List<String> tracks = half(1);
        for (int n = 0; running.get(); n++) {
            String id = tracks.get(n % tracks.size());
            boolean star = (n / tracks.size()) % 2 == 0;
            write(writer, "star:" + id, Boolean.toString(star), star ? "star" : "unstar", "id", id);
        }
    }

    private void saveQueue(Writer writer) {
        for (int n = 0; running.get(); n++) {
            write(writer, "queue", Integer.toString(n * 1000), "savePlayQueue", "id", trackIds.get(0), "id",
                    trackIds.get(1), "current", trackIds.get(1), "position", Integer.toString(n * 1000));
        }
    }

    private void createPlaylists(Writer writer) {
        for (int n = 0; running.get(); n++) {
            String name = "load " + Thread.currentThread().getName() + " " + n;
            write(writer, "playlist:" + name, "present", "createPlaylist", "name", name, "songId",
                    trackIds.get(n % trackIds.size()));
        }
    }

    /** Plays ten minutes apart, starting a month ago: each is a play of its own, never a duplicate. */
    private void scrobble(Writer writer) {
        long firstPlay = System.currentTimeMillis() - Duration.ofDays(30).toMillis();
        for (int n = 0; running.get(); n++) {
            String id = trackIds.get(n % trackIds.size());
            String key = "plays:" + id;
            int played = writer.plays.getOrDefault(key, 0) + 1;
            if (write(writer, key, Integer.toString(played), "scrobble", "id", id, "submission", "true", "time",
                    Long.toString(firstPlay + n * Duration.ofMinutes(10).toMillis()))) {
                writer.plays.put(key, played);
            }
        }
    }

    /** One write; true once the server acknowledged it. */
    private boolean write(Writer writer, String key, String value, String method, String... params) {
        CountDownLatch marked = mark;
        if (marked != null && writer.atMark == null) {
            writer.atMark = new HashMap<>(writer.acknowledged);
            marked.countDown();
        }
        if (writer.atMark != null) {
            writer.afterMark.computeIfAbsent(key, k -> new HashSet<>()).add(value);
        }
        writer.pending.put(key, value);
        HttpResponse<String> response;
        try {
            response = client.get(method, "json", params);
        } catch (Throwable noAnswer) { // the server went away: this write stays pending
            pause();
            return false;
        }
        JsonNode body = SubsonicClient.parse(response.body()).path("subsonic-response");
        if (response.statusCode() == 200 && "ok".equals(body.path("status").asString())) {
            writer.pending.remove(key);
            writer.acknowledged.put(key, value);
            writer.acknowledgedWrites++;
            return true;
        }
        // refused in the protocol's terms: not stored, so what was acknowledged before still holds
        writer.pending.remove(key);
        writer.refusedWrites++;
        pause();
        return false;
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Returns once every writer has noted what it had acknowledged so far (between two of its
     * writes); everything it writes from then on is remembered as written after the mark.
     */
    void mark() throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(writers.size());
        mark = latch;
        assertThat(latch.await(30, TimeUnit.SECONDS)).as("every writer saw the mark").isTrue();
    }

    /** Stops the writers and waits for them; the histories may be read afterwards. */
    @Override
    public void close() {
        running.set(false);
        for (Thread thread : threads) {
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    int acknowledgedWrites() {
        return writers.stream().mapToInt(w -> w.acknowledgedWrites).sum();
    }

    int refusedWrites() {
        return writers.stream().mapToInt(w -> w.refusedWrites).sum();
    }

    /**
     * Checks that {@code reader} (the same user, after a restart or on a restored copy) sees every
     * acknowledged write: each key holds its last acknowledged value, or the value of a write
     * still waiting for its answer when the load stopped. Returns the keys checked.
     */
    int assertEveryAcknowledgedWriteIn(SubsonicClient reader) {
        Map<String, String> stored = storedState(reader);
        int checked = 0;
        List<String> lost = new ArrayList<>();
        for (Writer writer : writers) {
            for (Map.Entry<String, String> write : writer.acknowledged.entrySet()) {
                Set<String> allowed = new HashSet<>(Set.of(write.getValue()));
                if (writer.pending.containsKey(write.getKey())) {
                    allowed.add(writer.pending.get(write.getKey()));
                }
                check(stored, write.getKey(), write.getValue(), allowed, lost);
                checked++;
            }
        }
        assertThat(lost).as("acknowledged writes lost").isEmpty();
        return checked;
    }

    /**
     * Checks that {@code reader} (a copy restored from a backup begun after {@link #mark()}) holds
     * every write acknowledged before the mark: each key its value at the mark, or a value written
     * after it. Returns the keys checked.
     */
    int assertEveryWriteAcknowledgedBeforeTheMarkIn(SubsonicClient reader) {
        Map<String, String> stored = storedState(reader);
        int checked = 0;
        List<String> lost = new ArrayList<>();
        for (Writer writer : writers) {
            for (Map.Entry<String, String> write : writer.atMark.entrySet()) {
                Set<String> allowed = new HashSet<>(Set.of(write.getValue()));
                allowed.addAll(writer.afterMark.getOrDefault(write.getKey(), Set.of()));
                check(stored, write.getKey(), write.getValue(), allowed, lost);
                checked++;
            }
        }
        assertThat(lost).as("writes acknowledged before the mark, lost").isEmpty();
        return checked;
    }

    /** A play count may be higher than acknowledged (a scrobble in flight); anything else must be one of {@code allowed}. */
    private static void check(Map<String, String> stored, String key, String acknowledged, Set<String> allowed,
                              List<String> lost) {
        String actual = stored.getOrDefault(key, absent(key));
        boolean kept = key.startsWith("plays:")
                ? Integer.parseInt(actual) >= Integer.parseInt(acknowledged)
                : allowed.contains(actual);
        if (!kept) {
            lost.add(key + " acknowledged " + acknowledged + " but found " + actual);
        }
    }

    private static String absent(String key) {
        return key.startsWith("star:") ? "false" : key.startsWith("rating:") || key.startsWith("plays:") ? "0" : "absent";
    }

    private Map<String, String> storedState(SubsonicClient reader) {
        Map<String, String> stored = new HashMap<>();
        for (String id : trackIds) {
            JsonNode song = reader.json("getSong", "id", id).path("song");
            stored.put("rating:" + id, Integer.toString(song.path("userRating").asInt(0)));
            stored.put("star:" + id, Boolean.toString(song.hasNonNull("starred")));
            stored.put("plays:" + id, Integer.toString(song.path("playCount").asInt(0)));
        }
        JsonNode queue = reader.json("getPlayQueue").path("playQueue");
        if (queue.has("position")) {
            stored.put("queue", Long.toString(queue.path("position").asLong()));
        }
        for (JsonNode playlist : reader.json("getPlaylists").path("playlists").path("playlist")) {
            stored.put("playlist:" + playlist.path("name").asString(), "present");
        }
        return stored;
    }
}
