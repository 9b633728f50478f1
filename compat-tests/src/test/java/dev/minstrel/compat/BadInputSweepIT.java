package dev.minstrel.compat;

import dev.minstrel.library.fixtures.AudioFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Subsonic method of the route table and every {@code /api} route of the controllers, sent
 * what careless clients and attackers send: nothing, parameters without values, control
 * characters, huge values, malformed escapes, wrong types, wrong credentials, broken bodies. None
 * may answer 5xx, every answer must be in the protocol's own terms (a well-formed Subsonic
 * envelope; RFC 9457 problem details for /api errors), and no credential sent may reach the log.
 */
class BadInputSweepIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SALT = "c0ffeesalt";
    private static final String HUGE = "h".repeat(100_000);

    static Path root;
    static PackagedServer server;
    static String apiKey;
    static String token;
    static String encodedPassword;
    static final AtomicInteger ADDRESSES = new AtomicInteger();

    record Sent(String request, RawExchange answer) {
    }

    @BeforeAll
    static void start() throws IOException {
        root = Files.createTempDirectory("minstrel-sweep-");
        AudioFixtures.mp3(root.resolve("music/Sweep Band/Sweep Album/01 Swept.mp3")).title("Swept")
                .artist("Sweep Band").album("Sweep Album").seconds(3).write();
        server = PackagedServer.start(root.resolve("music"), root.resolve("data"),
                Map.of("MINSTREL_LIBRARY_WATCH", "false", "MINSTREL_LIBRARY_SCAN_INTERVAL", "0"));
        WebVisitor owner = WebVisitor.owner(server, "198.51.100.70");
        apiKey = owner.post("/api/me/api-keys", Map.of("name", "sweep")).json().path("key").asString();
        token = SubsonicClient.md5(PackagedServer.OWNER_PASSWORD + SALT);
        encodedPassword = "enc:" + HexFormat.of().formatHex(PackagedServer.OWNER_PASSWORD.getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        TempFolder.delete(root);
    }

    /** Each request comes "from" an address of its own (loopback is a trusted proxy), so throttling hides nothing. */
    private static String address() {
        int n = ADDRESSES.incrementAndGet();
        return "2001:db8:" + Integer.toHexString(n) + "::1";
    }

    private static Sent send(String method, String target, Map<String, String> headers, String body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(server.port()).append("\r\nConnection: close\r\n")
                .append("X-Forwarded-For: ").append(address()).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            head.append("Content-Length: ").append(bytes.length).append("\r\n");
        }
        head.append("\r\n");
        String shown = method + " " + (target.length() > 200 ? target.substring(0, 200) + "..." : target);
        return new Sent(shown, RawExchange.send(server.port(), head.toString(), bytes));
    }

    // ---- /rest

    /** The bad calls every Subsonic method gets. */
    private static List<Sent> restSweep(String name) {
        String auth = "apiKey=" + apiKey;
        String path = "/rest/" + name;
        List<Sent> sent = new ArrayList<>();
        Map<String, String> none = Map.of();
        Map<String, String> form = Map.of("Content-Type", "application/x-www-form-urlencoded");
        sent.add(send("GET", path, none, null));
        sent.add(send("GET", path + ".view?f=json", none, null));
        sent.add(send("GET", path + "?" + auth + "&f=json&id&size&offset&type&query&songId&playlistId&name&count"
                + "&username&rating&submission&time&current&position&comment&genre&fromYear&toYear&musicFolderId"
                + "&artist&title&x", none, null));
        sent.add(send("GET", path + "?" + auth + "&c=%01bad%1Bclient&id=%01&name=Mix%01%00&query=%01&comment=%07"
                + "&type=%01&username=%01&genre=%01&artist=%01&title=%01&playlistId=%01&songId=%01", none, null));
        sent.add(send("GET", path + "?" + auth + "&f=json&id=%zz&name=%&query=%e9%", none, null));
        sent.add(send("GET", path + "?" + auth + "&f=json&id=" + "i".repeat(20_000), none, null));
        sent.add(send("GET", path + "?" + auth + "&f=json&id=..%2F..%2Fetc%2Fpasswd&size=lots&offset=-1"
                + "&count=1e99&rating=9&submission=maybe&time=yesterday&fromYear=x&toYear=y&musicFolderId=abc"
                + "&position=-5&maxBitRate=x&estimateContentLength=x&timeOffset=x&type=nonsense"
                + "&ifModifiedSince=x&current=x&public=maybe&songIndexToRemove=x&fullScan=perhaps", none, null));
        sent.add(send("GET", path + "?u=ghost&p=wrong&f=json&id=x", none, null));
        sent.add(send("GET", path + "?u=owner&t=" + token + "&s=" + SALT + "&apiKey=" + apiKey + "&f=json", none, null));
        sent.add(send("GET", path + "?u=owner&p=" + encodedPassword + "&f=jsonp&callback=alert(1)", none, null));
        sent.add(send("GET", path + "?u=owner&p=enc:zz&f=xml", none, null));
        sent.add(send("POST", path, form, "u=owner&p=" + PackagedServer.OWNER_PASSWORD + "&f=json&query=" + HUGE
                + "&name=" + HUGE + "&comment=" + HUGE.substring(0, 5000)));
        sent.add(send("POST", path + "?f=json", form, "u=owner&p=" + PackagedServer.OWNER_PASSWORD + "&id=%zz&%%%"));
        sent.add(send("POST", path + "?" + auth, Map.of("Content-Type", "application/x-www-form-urlencoded;charset=bogus"),
                "id=1"));
        sent.add(send("POST", path + "?" + auth, form, "&&&=&=="));
        sent.add(send("PUT", path + "?" + auth, Map.of("Content-Type", "application/json"), "{}"));
        return sent;
    }

    @Test
    void everySubsonicMethodAnswersBadInputWithTheEnvelope() throws Exception {
        List<String> methods = RouteTable.subsonicMethods();
        assertThat(methods).as("the route table was read").contains("ping", "stream", "getAlbumList2",
                "createPlaylist", "savePlayQueue", "getPodcasts").hasSizeGreaterThan(60);

        List<Sent> answers = parallel(methods.stream().map(m -> (Task) () -> restSweep(m)).toList());

        for (Sent sent : answers) {
            assertThat(sent.answer().status()).as(sent.request()).isEqualTo(200);
            assertEnvelope(sent);
        }
        assertNoCredentialLogged();
    }

    private static void assertEnvelope(Sent sent) throws Exception {
        String type = String.valueOf(sent.answer().header("Content-Type"));
        String body = sent.answer().text();
        if (type.startsWith("text/xml")) {
            var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(sent.answer().body()));
            assertThat(document.getDocumentElement().getTagName()).as(sent.request()).isEqualTo("subsonic-response");
        } else {
            assertThat(type).as(sent.request() + "\n" + body).startsWith("application/json");
            assertThat(JSON.readTree(body).has("subsonic-response")).as(sent.request()).isTrue();
        }
        assertThat(body).as(sent.request()).doesNotContain("Internal error").doesNotContain("Exception")
                .doesNotContain("java.");
    }

    // ---- /api

    /** The bad requests every /api route gets, its path variables filled with bad values too. */
    private static List<Sent> apiSweep(RouteTable.ApiRoute route) {
        List<Sent> sent = new ArrayList<>();
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + apiKey);
        for (String value : List.of("x", "%01", "%zz", "v".repeat(5000), "..%2F..%2Fetc", "%E2%80%AE")) {
            String path = route.path().replaceAll("\\{[^}]+}", value);
            sent.add(send(route.method(), path, Map.of(), null));
            sent.add(send(route.method(), path + "?x&period=%01&deleteHistory=maybe&limit=lots&%zz", bearer, null));
            if (!value.equals("x")) {
                continue;
            }
            sent.add(send(route.method(), path, Map.of("Authorization", "Bearer msk_wrong"), null));
            sent.add(send(route.method(), path, Map.of("Authorization", "Basic b3duZXI6cGFzcw=="), null));
            for (String body : List.of("{", "[]", "null", "{\"a\":", "{\"name\": 5, \"url\": [], \"password\": {},"
                    + " \"username\": \"\\u0001\", \"role\": \"god\", \"maxUses\": -1, \"expiresAt\": \"soon\","
                    + " \"timeZone\": \"Mars/Olympus\", \"full\": \"maybe\"}", "{\"huge\": \"" + HUGE + HUGE + HUGE + "\"}",
                    "")) {
                sent.add(send(route.method(), path, with(bearer, "Content-Type", "application/json"), body));
            }
            sent.add(send(route.method(), path, with(bearer, "Content-Type", "application/json;charset=bogus"), "{}"));
            sent.add(send(route.method(), path, with(bearer, "Content-Type", "text/plain"), "hello"));
            sent.add(send(route.method(), path, Map.of("Content-Type", "application/json"),
                    "{\"username\": \"owner\", \"password\": \"" + PackagedServer.OWNER_PASSWORD + "x\", \"inviteCode\": \"%01\"}"));
        }
        return sent;
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return more;
    }

    @Test
    void everyApiRouteAnswersBadInputWithProblemDetails() throws Exception {
        List<RouteTable.ApiRoute> routes = RouteTable.apiRoutes();
        assertThat(routes).as("the controllers were read").contains(new RouteTable.ApiRoute("POST", "/api/auth/login"),
                new RouteTable.ApiRoute("GET", "/api/ingest/ws"), new RouteTable.ApiRoute("PATCH", "/api/users/{username}"));

        List<Sent> answers = parallel(routes.stream().map(r -> (Task) () -> apiSweep(r)).toList());

        for (Sent sent : answers) {
            int status = sent.answer().status();
            assertThat(status).as(sent.request() + "\n" + sent.answer().text()).isLessThan(500);
            if (status >= 400) {
                assertThat(sent.answer().header("Content-Type")).as(sent.request()).isEqualTo("application/problem+json");
                JsonNode problem = JSON.readTree(sent.answer().text());
                assertThat(problem.path("status").asInt()).as(sent.request()).isEqualTo(status);
                assertThat(problem.path("title").asString()).as(sent.request()).isNotBlank();
                assertThat(problem.path("instance").asString()).as(sent.request()).startsWith("/api/");
                assertThat(problem.path("detail").asString("")).as(sent.request()).doesNotContain("Exception")
                        .doesNotContain("java.");
            }
        }
        assertNoCredentialLogged();
    }

    // ---- both

    private static void assertNoCredentialLogged() {
        String log = server.log();
        assertThat(log).doesNotContain(PackagedServer.OWNER_PASSWORD).doesNotContain(apiKey)
                .doesNotContain(apiKey.substring(4)).doesNotContain(token).doesNotContain(SALT)
                .doesNotContain(encodedPassword.substring(4));
        assertThat(log.lines().filter(line -> line.contains(" ERROR ") || line.contains("incident")))
                .as("nothing unexpected went wrong").isEmpty();
    }

    interface Task {
        List<Sent> run() throws Exception;
    }

    /** Runs the tasks on four threads; fails with the first failure. */
    private static List<Sent> parallel(List<Task> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Sent>>> futures = new ArrayList<>();
            for (Task task : tasks) {
                futures.add(pool.submit(task::run));
            }
            List<Sent> all = Collections.synchronizedList(new ArrayList<>());
            for (Future<List<Sent>> future : futures) {
                all.addAll(future.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }
}
