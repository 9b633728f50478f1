package dev.minstrel.compat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A browser on Minstrel's web page: keeps its cookies and echoes the CSRF cookie in
 * {@code X-XSRF-TOKEN} as the page does, from its own address (behind the local tunnel).
 */
final class WebVisitor {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final PackagedServer server;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final String address;

    WebVisitor(PackagedServer server, String address) {
        this.server = server;
        this.address = address;
    }

    record Reply(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** The owner, logged in on the web page from {@code address}. */
    static WebVisitor owner(PackagedServer server, String address) {
        WebVisitor visitor = new WebVisitor(server, address);
        Reply login = visitor.post("/api/auth/login", Map.of("username", PackagedServer.OWNER,
                "password", PackagedServer.OWNER_PASSWORD));
        if (login.status() != 200) {
            throw new AssertionError("the owner could not log in: " + login);
        }
        return visitor;
    }

    Reply get(String path) {
        return send("GET", path, HttpRequest.BodyPublishers.noBody());
    }

    Reply post(String path, Object body) {
        return send("POST", path, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }

    Reply put(String path, Object body) {
        return send("PUT", path, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }

    Reply delete(String path) {
        return send("DELETE", path, HttpRequest.BodyPublishers.noBody());
    }

    private Reply send(String method, String path, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).method(method, body)
                .header("Content-Type", "application/json").header("X-Forwarded-For", address);
        if (!cookies.isEmpty()) {
            request.header("Cookie", String.join("; ", cookies.entrySet().stream()
                    .map(c -> c.getKey() + "=" + c.getValue()).toList()));
        }
        if (cookies.containsKey("XSRF-TOKEN")) {
            request.header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
        }
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        for (String set : response.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String value = pair.substring(eq + 1);
            if (value.isEmpty() || set.toLowerCase(Locale.ROOT).contains("max-age=0")) {
                cookies.remove(pair.substring(0, eq));
            } else {
                cookies.put(pair.substring(0, eq), value);
            }
        }
        return new Reply(response.statusCode(), response.body());
    }
}
