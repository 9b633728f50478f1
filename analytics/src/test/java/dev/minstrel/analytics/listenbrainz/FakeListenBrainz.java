package dev.minstrel.analytics.listenbrainz;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * A ListenBrainz API server on loopback that answers as the real one does
 * (listenbrainz-server's {@code api_compat} and {@code listen} validation): {@code GET
 * /1/validate-token} and {@code POST /1/submit-listens} with {@code Authorization: Token ...},
 * the payload checked the way ListenBrainz checks it (400 with {@code {"code":400,"error":...}}),
 * 401 for an unknown token. It can be made to fail ({@link #failWith}) and to recover, and keeps
 * every submission it accepted.
 */
public final class FakeListenBrainz implements AutoCloseable {

    /** ListenBrainz refuses listens before this time (2002-10-01), as its LISTEN_MINIMUM_TS. */
    private static final long LISTEN_MINIMUM_TS = 1033430400L;
    private static final int MAX_LISTENS_PER_REQUEST = 1000;
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One accepted submission: whose, its type, its listens as sent. */
    public record Received(String userName, String listenType, List<JsonNode> listens) {
    }

    /** A failure the server answers with instead of working, until {@link #recover()}. */
    private record Failure(int status, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final Map<String, String> users = new ConcurrentHashMap<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Integer> answered = new CopyOnWriteArrayList<>();
    private final AtomicReference<Failure> failure = new AtomicReference<>();

    public FakeListenBrainz() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a loopback port", e);
        }
        server.createContext("/1/validate-token", exchange -> answer(exchange, validateToken(exchange)));
        server.createContext("/1/submit-listens", exchange -> answer(exchange, submitListens(exchange)));
        server.start();
    }

    /** The base URL to give Minstrel. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A ListenBrainz account whose user token is {@code token}. */
    public FakeListenBrainz user(String token, String userName) {
        users.put(token, userName);
        return this;
    }

    /** The user revoked this token on listenbrainz.org: from now on it is refused with 401. */
    public void revoke(String token) {
        revoked.add(token);
    }

    /** Every request is answered with {@code status} (and {@code headers}) until {@link #recover()}. */
    public void failWith(int status, Map<String, String> headers) {
        failure.set(new Failure(status, headers));
    }

    public void recover() {
        failure.set(null);
    }

    /** Accepted submissions, in the order they came (playing_now included). */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Every listen accepted for good ({@code single} and {@code import}), in the order they came. */
    public List<JsonNode> listens() {
        List<JsonNode> all = new ArrayList<>();
        received.stream().filter(r -> !r.listenType().equals("playing_now")).forEach(r -> all.addAll(r.listens()));
        return all;
    }

    /** The status of every submit-listens answer, in order. */
    public List<Integer> submitStatuses() {
        return List.copyOf(answered);
    }

    private record Answer(int status, String body, Map<String, String> headers) {
        static Answer of(int status, String body) {
            return new Answer(status, body, Map.of());
        }

        static Answer error(int status, String message) {
            return of(status, JSON.writeValueAsString(Map.of("code", status, "error", message)));
        }
    }

    private Answer validateToken(HttpExchange exchange) {
        Failure down = failure.get();
        if (down != null) {
            return new Answer(down.status(), "{\"code\":" + down.status() + ",\"error\":\"down\"}", down.headers());
        }
        String token = token(exchange);
        if (token == null) {
            return Answer.error(400, "You need to provide an Authorization token.");
        }
        String user = revoked.contains(token) ? null : users.get(token);
        return Answer.of(200, user == null
                ? JSON.writeValueAsString(Map.of("code", 200, "message", "Token invalid.", "valid", false))
                : JSON.writeValueAsString(Map.of("code", 200, "message", "Token valid.", "valid", true, "user_name", user)));
    }

    private Answer submitListens(HttpExchange exchange) throws IOException {
        Answer answer = submission(exchange);
        answered.add(answer.status());
        return answer;
    }

    private Answer submission(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        Failure down = failure.get();
        if (down != null) {
            return new Answer(down.status(), "{\"code\":" + down.status() + ",\"error\":\"unavailable\"}", down.headers());
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            return Answer.error(405, "The method is not allowed for the requested URL.");
        }
        String token = token(exchange);
        String user = token == null || revoked.contains(token) ? null : users.get(token);
        if (user == null) {
            return Answer.error(401, "Invalid authorization token.");
        }
        JsonNode body;
        try {
            body = JSON.readTree(new String(raw, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return Answer.error(400, "Cannot parse JSON document: " + e.getMessage());
        }
        String type = body.path("listen_type").asString("");
        if (!List.of("single", "import", "playing_now").contains(type)) {
            return Answer.error(400, "JSON document does not contain a valid listen_type key.");
        }
        JsonNode payload = body.path("payload");
        if (!payload.isArray() || payload.isEmpty()) {
            return Answer.error(400, "JSON document does not contain any listens.");
        }
        if (!type.equals("import") && payload.size() != 1) {
            return Answer.error(400, "JSON document should contain exactly one listen for listen_type " + type + ".");
        }
        if (payload.size() > MAX_LISTENS_PER_REQUEST) {
            return Answer.error(400, "Too many listens. You may not submit more than 1000 listens at once.");
        }
        List<JsonNode> listens = new ArrayList<>();
        for (JsonNode listen : payload) {
            String problem = problem(listen, type);
            if (problem != null) {
                return Answer.error(400, problem);
            }
            listens.add(listen);
        }
        received.add(new Received(user, type, listens));
        return Answer.of(200, "{\"status\":\"ok\"}");
    }

    /** What ListenBrainz would say is wrong with one listen, null when nothing is. */
    private static String problem(JsonNode listen, String type) {
        JsonNode at = listen.get("listened_at");
        if (type.equals("playing_now")) {
            if (at != null) {
                return "JSON document should not contain listened_at for playing_now listens.";
            }
        } else if (at == null || !at.isIntegralNumber()) {
            return "JSON document must contain the listened_at key as an integer for listen_type " + type + ".";
        } else if (at.asLong() < LISTEN_MINIMUM_TS) {
            return "Value for key listened_at is too low. listened_at timestamp should be greater than 1033410600 (2002-10-01 00:00:00 UTC).";
        }
        JsonNode track = listen.get("track_metadata");
        if (track == null || !track.isObject()) {
            return "JSON document does not contain the track_metadata key.";
        }
        for (String required : List.of("artist_name", "track_name")) {
            JsonNode name = track.get(required);
            if (name == null || !name.isString() || name.asString().isBlank()) {
                return "JSON document does not contain required track_metadata." + required + ".";
            }
        }
        JsonNode info = track.get("additional_info");
        if (info != null) {
            if (!info.isObject()) {
                return "additional_info must be an object.";
            }
            for (String key : List.of("recording_mbid", "release_mbid")) {
                JsonNode mbid = info.get(key);
                if (mbid != null && !(mbid.isString() && UUID.matcher(mbid.asString()).matches())) {
                    return key + " MBID format invalid.";
                }
            }
            JsonNode artists = info.get("artist_mbids");
            if (artists != null) {
                for (JsonNode mbid : artists) {
                    if (!mbid.isString() || !UUID.matcher(mbid.asString()).matches()) {
                        return "artist_mbids MBID format invalid.";
                    }
                }
            }
            JsonNode duration = info.get("duration_ms");
            if (duration != null && (!duration.isIntegralNumber() || duration.asLong() <= 0)) {
                return "Value for duration_ms is invalid, should be a positive integer.";
            }
        }
        return null;
    }

    private static String token(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Token ", 0, 6)) {
            return null;
        }
        return header.substring(6).strip();
    }

    private static void answer(HttpExchange exchange, Answer answer) throws IOException {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
