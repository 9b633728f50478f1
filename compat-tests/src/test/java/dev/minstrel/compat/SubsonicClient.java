package dev.minstrel.compat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Calls /rest the way a Subsonic app does: token auth with a salt (fresh per call, as Amperfy, or
 * cached, as DSub), a client name, a protocol version, {@code .view} or not.
 */
public final class SubsonicClient {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PackagedServer server;
    private final String username;
    private final String password;
    private final String client;
    private final String version;
    private final boolean viewSuffix;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public SubsonicClient(PackagedServer server, String username, String password, String client, String version,
                          boolean viewSuffix) {
        this.server = server;
        this.username = username;
        this.password = password;
        this.client = client;
        this.version = version;
        this.viewSuffix = viewSuffix;
    }

    public static SubsonicClient owner(PackagedServer server, String client) {
        return new SubsonicClient(server, PackagedServer.OWNER, PackagedServer.OWNER_PASSWORD, client, "1.16.1", true);
    }

    /** The URL of a call with token auth and the given parameters (pairs of name, value). */
    public URI uri(String method, String format, String... params) {
        String salt = HexFormat.of().formatHex(randomBytes(8));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("u", username);
        query.put("t", md5(password + salt));
        query.put("s", salt);
        query.put("v", version);
        query.put("c", client);
        if (format != null) {
            query.put("f", format);
        }
        StringJoiner joined = new StringJoiner("&");
        query.forEach((k, v) -> joined.add(k + "=" + encode(v)));
        for (int i = 0; i < params.length; i += 2) {
            joined.add(params[i] + "=" + encode(params[i + 1]));
        }
        return server.uri("/rest/" + method + (viewSuffix ? ".view" : "") + "?" + joined);
    }

    public HttpResponse<String> get(String method, String format, String... params) {
        return send(HttpRequest.newBuilder(uri(method, format, params)).GET().build());
    }

    public HttpResponse<byte[]> getBytes(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The {@code subsonic-response} object of a JSON call, after checking that it succeeded. */
    public JsonNode json(String method, String... params) {
        HttpResponse<String> response = get(method, "json", params);
        JsonNode body = JSON.readTree(response.body()).path("subsonic-response");
        if (response.statusCode() != 200 || !"ok".equals(body.path("status").asString())) {
            throw new AssertionError(method + " failed: HTTP " + response.statusCode() + " " + response.body());
        }
        return body;
    }

    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
