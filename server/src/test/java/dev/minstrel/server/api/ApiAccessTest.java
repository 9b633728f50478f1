package dev.minstrel.server.api;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every /api endpoint refuses a caller without the right, in problem-detail form, and changes nothing. */
class ApiAccessTest {

    @TempDir
    static Path dir;
    static ApiTestServer server;
    static Visitor friend;
    static String friendKey;

    record Endpoint(HttpMethod method, String path, Object body) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeAll
    static void start() {
        server = new ApiTestServer(dir);
        friend = server.friend("friend", "friends-password");
        friendKey = friend.post("/api/me/api-keys", Map.of("name", "script")).json("$.key");
        server.friend("other", "others-password");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Endpoint> ownerOnly() {
        return Stream.of(
                new Endpoint(HttpMethod.GET, "/api/invites", null),
                new Endpoint(HttpMethod.POST, "/api/invites", Map.of("role", "owner")),
                new Endpoint(HttpMethod.DELETE, "/api/invites/some-code", null),
                new Endpoint(HttpMethod.GET, "/api/users", null),
                new Endpoint(HttpMethod.PATCH, "/api/users/friend", Map.of("download", true, "role", "owner")),
                new Endpoint(HttpMethod.PATCH, "/api/users/other", Map.of("enabled", false)),
                new Endpoint(HttpMethod.DELETE, "/api/users/other", null),
                new Endpoint(HttpMethod.DELETE, "/api/users/owner", null));
    }

    static Stream<Endpoint> everyProtected() {
        return Stream.concat(ownerOnly(), Stream.of(
                new Endpoint(HttpMethod.GET, "/api/me", null),
                new Endpoint(HttpMethod.POST, "/api/me/password",
                        Map.of("currentPassword", "friends-password", "newPassword", "taken-over-1")),
                new Endpoint(HttpMethod.GET, "/api/me/api-keys", null),
                new Endpoint(HttpMethod.POST, "/api/me/api-keys", Map.of("name", "intruder")),
                new Endpoint(HttpMethod.DELETE, "/api/me/api-keys/ak-0000", null)));
    }

    @ParameterizedTest
    @MethodSource("everyProtected")
    void anAnonymousCallerIsRefusedWith401(Endpoint endpoint) {
        Visitor.Reply reply = server.visitor().send(endpoint.method(), endpoint.path(), endpoint.body());

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.headers().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(reply.headers().getFirst("WWW-Authenticate")).startsWith("Bearer");
    }

    @ParameterizedTest
    @MethodSource("ownerOnly")
    void aFriendWithASessionIsRefusedWith403(Endpoint endpoint) {
        Visitor.Reply reply = friend.send(endpoint.method(), endpoint.path(), endpoint.body());

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.<String>json("$.detail")).isEqualTo("Only the owner may do this");
        assertNothingChanged();
    }

    @ParameterizedTest
    @MethodSource("ownerOnly")
    void aFriendWithAnApiKeyIsRefusedWith403(Endpoint endpoint) {
        Visitor.Reply reply = new Visitor(server.port).bearer(friendKey)
                .send(endpoint.method(), endpoint.path(), endpoint.body());

        assertThat(reply.status()).isEqualTo(403);
        assertNothingChanged();
    }

    @ParameterizedTest
    @MethodSource("everyProtected")
    void aForgedOrForeignCredentialIsRefusedWith401(Endpoint endpoint) {
        Visitor forged = server.visitor();
        forged.cookies().put("MINSTREL_SESSION", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");
        Visitor basic = server.visitor();

        assertThat(forged.send(endpoint.method(), endpoint.path(), endpoint.body()).status()).isIn(401, 403);
        assertThat(new Visitor(server.port).bearer("msk_not-a-real-key")
                .send(endpoint.method(), endpoint.path(), endpoint.body()).status()).isEqualTo(401);
        assertThat(basic.send(HttpMethod.GET, endpoint.path(), null).status()).isEqualTo(401);
    }

    @Test
    void credentialsInTheUrlAreIgnored() {
        assertThat(server.visitor().get("/api/me?apiKey=" + friendKey).status()).isEqualTo(401);
        assertThat(server.visitor().get("/api/me?access_token=" + friendKey).status()).isEqualTo(401);
    }

    private static void assertNothingChanged() {
        Visitor owner = server.owner();
        List<Map<String, Object>> users = owner.get("/api/users").json("$");
        assertThat(users).extracting(user -> user.get("username")).containsExactly("friend", "other", "owner");
        assertThat(users).allSatisfy(user -> assertThat(user.get("enabled")).isEqualTo(true));
        assertThat(users).filteredOn(user -> user.get("username").equals("friend"))
                .singleElement().satisfies(user -> {
                    assertThat(user.get("role")).isEqualTo("friend");
                    assertThat(user.get("download")).isEqualTo(false);
                });
        assertThat(owner.get("/api/invites").<List<String>>json("$[*].role")).containsOnly("friend");
        assertThat(server.visitor().login("friend", "friends-password").status()).isEqualTo(200);
    }
}
