package dev.minstrel.subsonic.golden;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every method's answers, XML and JSON, compared byte for byte with the reviewed files under
 * {@code src/test/resources/golden/} (laid out one element a line by {@link Layout}; random ids
 * named by {@link EdgeCaseLibrary#normalise}). A change to an answer shows as a change to those
 * files: after a deliberate change, regenerate them and review the diff:
 *
 * <pre>mvn -B -pl subsonic-api -am verify -Dtest=GoldenAnswersTest -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true</pre>
 *
 * The calls run in the order of {@link GoldenCases}, writes first, so each file shows the state
 * the calls before it left.
 */
class GoldenAnswersTest {

    /** Writes the answers as the new golden files instead of comparing them. */
    static final boolean UPDATE = Boolean.getBoolean("golden.update");
    /** In the module's sources, not in target: the files are reviewed and committed. */
    static final Path GOLDEN = Path.of("src/test/resources/golden");
    /** The response headers kept for a binary answer, in this order. */
    private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH,
            HttpHeaders.CONTENT_RANGE, HttpHeaders.ACCEPT_RANGES, HttpHeaders.CONTENT_DISPOSITION, HttpHeaders.ETAG,
            HttpHeaders.LAST_MODIFIED, HttpHeaders.CACHE_CONTROL);

    @TempDir
    static Path dir;
    static EdgeCaseLibrary library;

    @BeforeAll
    static void start() throws IOException {
        library = new EdgeCaseLibrary(dir);
        check("tracks.txt", library.trackIndex());
    }

    @AfterAll
    static void stop() {
        library.close();
    }

    static Stream<GoldenCase> cases() {
        return GoldenCases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answerIsTheGoldenOne(GoldenCase call) throws IOException {
        for (String format : call.formats()) {
            check(call.file(format), answer(call, format));
        }
    }

    @Test
    void everyMethodOfTheRouteTableHasGoldenAnswers() {
        Set<String> covered = GoldenCases.all().stream().map(GoldenCase::method).collect(Collectors.toSet());
        assertThat(covered).containsAll(library.api.methods());
    }

    @Test
    void everyGoldenFileBelongsToACall() throws IOException {
        Set<String> expected = GoldenCases.all().stream()
                .flatMap(c -> c.formats().stream().map(c::file)).collect(Collectors.toCollection(TreeSet::new));
        expected.add("tracks.txt");
        Set<String> present;
        try (Stream<Path> files = Files.walk(GOLDEN)) {
            present = files.filter(Files::isRegularFile).map(f -> GOLDEN.relativize(f).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        present.removeAll(expected);
        if (UPDATE) {
            for (String stale : present) {
                Files.delete(GOLDEN.resolve(stale));
            }
        } else {
            assertThat(present).as("golden files no call produces (run with -Dgolden.update=true to remove them)")
                    .isEmpty();
        }
    }

    private static String answer(GoldenCase call, String format) {
        String query = (format.equals("json") && call.json() != null ? call.json() : call.query()).apply(library);
        List<String> parameters = new ArrayList<>();
        switch (call.caller()) {
            case ALICE -> parameters.add("u=alice&p=sesame");
            case BOB -> parameters.add("u=bob&p=bob-pass");
            case NOBODY -> {
            }
        }
        parameters.add("v=1.16.1&c=" + call.client());
        switch (format) {
            case "json" -> parameters.add("f=json");
            case "jsonp" -> parameters.add("f=jsonp");
            default -> {
            }
        }
        if (!query.isEmpty()) {
            parameters.add(query);
        }
        URI uri = URI.create("/rest/" + call.method() + "?" + String.join("&", parameters));
        var request = call.body() == null ? library.client.get().uri(uri)
                : library.client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(call.body());
        EntityExchangeResult<byte[]> result = request
                .headers(h -> call.headers().forEach(header -> {
                    int colon = header.indexOf(':');
                    h.add(header.substring(0, colon), header.substring(colon + 1).strip());
                }))
                .exchange().expectBody(byte[].class).returnResult();
        if (format.equals("http")) {
            return library.normalise(statusAndHeaders(result));
        }
        assertThat(result.getStatus().value()).as("Subsonic answers over HTTP 200, errors too").isEqualTo(200);
        String body = library.normalise(new String(result.getResponseBodyContent(), StandardCharsets.UTF_8));
        boolean json = !format.equals("xml");
        if (call.shuffled()) {
            body = Layout.sortedEntries(body, json);
        }
        return json ? Layout.json(body) : Layout.xml(body);
    }

    private static String statusAndHeaders(EntityExchangeResult<byte[]> result) {
        StringBuilder text = new StringBuilder().append(result.getStatus().value()).append('\n');
        HttpHeaders headers = result.getResponseHeaders();
        for (String name : KEPT_HEADERS) {
            String value = headers.getFirst(name);
            if (value != null) {
                text.append(name).append(": ").append(value).append('\n');
            }
        }
        byte[] body = result.getResponseBodyContent();
        return text.append("(").append(body == null ? 0 : body.length).append(" bytes)\n").toString();
    }

    private static void check(String file, String actual) throws IOException {
        Path golden = GOLDEN.resolve(file);
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(golden)) {
            fail("No golden answer at " + golden + "; run with -Dgolden.update=true and review the new file:\n" + actual);
        }
        assertThat(actual).as(file + " (after a deliberate change: -Dgolden.update=true, then review the diff)")
                .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
