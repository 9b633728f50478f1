package dev.minstrel.compat;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
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
 * cached, as DSub), {@code p=enc:} (old DSub, Ultrasonic's first ping) or an OpenSubsonic
 * {@code apiKey}; a client name, a protocol version, {@code .view} or not. Instances are
 * immutable: the {@code with...} methods return a changed copy.
 */
public final class SubsonicClient {

    /** How a call proves who it is. */
    public enum Auth { TOKEN, CACHED_TOKEN, ENCODED_PASSWORD, API_KEY, NONE }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final PackagedServer server;
    private final String username;
    private final String password;
    private final String client;
    private final String version;
    private final boolean viewSuffix;
    private final Auth auth;
    private final String apiKey;
    private final String cachedSalt = HexFormat.of().formatHex(randomBytes(3));
    private final String forwardedFor;

    private SubsonicClient(PackagedServer server, String username, String password, String client, String version,
                           boolean viewSuffix, Auth auth, String apiKey, String forwardedFor) {
        this.server = server;
        this.username = username;
        this.password = password;
        this.client = client;
        this.version = version;
        this.viewSuffix = viewSuffix;
        this.auth = auth;
        this.apiKey = apiKey;
        this.forwardedFor = forwardedFor;
    }

    public SubsonicClient(PackagedServer server, String username, String password, String client, String version,
                          boolean viewSuffix) {
        this(server, username, password, client, version, viewSuffix, Auth.TOKEN, null, null);
    }

    public static SubsonicClient owner(PackagedServer server, String client) {
        return new SubsonicClient(server, PackagedServer.OWNER, PackagedServer.OWNER_PASSWORD, client, "1.16.1", true);
    }

    public SubsonicClient withAuth(Auth auth) {
        return new SubsonicClient(server, username, password, client, version, viewSuffix, auth, apiKey, forwardedFor);
    }

    public SubsonicClient withApiKey(String key) {
        return new SubsonicClient(server, username, password, client, version, viewSuffix, Auth.API_KEY, key, forwardedFor);
    }

    public SubsonicClient withVersion(String version) {
        return new SubsonicClient(server, username, password, client, version, viewSuffix, auth, apiKey, forwardedFor);
    }

    public SubsonicClient withPassword(String password) {
        return new SubsonicClient(server, username, password, client, version, viewSuffix, auth, apiKey, forwardedFor);
    }

    /** Calls as if relayed by the local tunnel for a client at this address (loopback is a trusted proxy). */
    public SubsonicClient from(String address) {
        return new SubsonicClient(server, username, password, client, version, viewSuffix, auth, apiKey, address);
    }

    public String username() {
        return username;
    }

    /** The URL of a call with this client's credentials and the given parameters (pairs of name, value). */
    public URI uri(String method, String format, String... params) {
        StringJoiner joined = new StringJoiner("&");
        credentials().forEach((k, v) -> joined.add(k + "=" + encode(v)));
        if (format != null) {
            joined.add("f=" + format);
        }
        if (params.length > 0) {
            joined.add(form(params));
        }
        return server.uri("/rest/" + method + (viewSuffix ? ".view" : "") + "?" + joined);
    }

    private Map<String, String> credentials() {
        Map<String, String> query = new LinkedHashMap<>();
        switch (auth) {
            case TOKEN, CACHED_TOKEN -> {
                String salt = auth == Auth.CACHED_TOKEN ? cachedSalt : HexFormat.of().formatHex(randomBytes(8));
                query.put("u", username);
                query.put("t", md5(password + salt));
                query.put("s", salt);
            }
            case ENCODED_PASSWORD -> {
                query.put("u", username);
                query.put("p", "enc:" + HexFormat.of().formatHex(password.getBytes(StandardCharsets.UTF_8)));
            }
            case API_KEY -> query.put("apiKey", apiKey);
            case NONE -> {
            }
        }
        if (auth != Auth.NONE) {
            query.put("v", version);
            query.put("c", client);
        }
        return query;
    }

    public HttpRequest.Builder request(String method, String format, String... params) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(method, format, params));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return request;
    }

    public HttpResponse<String> get(String method, String format, String... params) {
        return send(request(method, format, params).GET().build());
    }

    /** A POST with the credentials in the query and the parameters as an urlencoded form, as go-subsonic sends. */
    public HttpResponse<String> postForm(String method, String format, String... params) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(method, format))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params)));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return send(request.build());
    }

    public HttpResponse<byte[]> getBytes(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The {@code subsonic-response} object of a JSON call, after checking that it succeeded. */
    public JsonNode json(String method, String... params) {
        return ok(method, get(method, "json", params));
    }

    /** The {@code subsonic-response} object of a JSON reply, after checking that it succeeded. */
    public static JsonNode ok(String method, HttpResponse<String> response) {
        JsonNode body = parse(response.body()).path("subsonic-response");
        if (response.statusCode() != 200 || !"ok".equals(body.path("status").asString())) {
            throw new AssertionError(method + " failed: HTTP " + response.statusCode() + " " + response.body());
        }
        return body;
    }

    /** The {@code subsonic-response} object of a JSON call that must fail; returns its {@code error}. */
    public JsonNode jsonError(String method, String... params) {
        HttpResponse<String> response = get(method, "json", params);
        JsonNode body = parse(response.body()).path("subsonic-response");
        if (response.statusCode() != 200 || !"failed".equals(body.path("status").asString())) {
            throw new AssertionError(method + " should have failed: HTTP " + response.statusCode() + " " + response.body());
        }
        return body.path("error");
    }

    /** The root element of an XML call, validated against the XSD, after checking that it succeeded. */
    public Element xml(String method, String... params) {
        HttpResponse<String> response = get(method, null, params);
        Document document = XsdValidator.assertValid(method, response.body());
        Element root = document.getDocumentElement();
        if (response.statusCode() != 200 || !"ok".equals(root.getAttribute("status"))) {
            throw new AssertionError(method + " failed: HTTP " + response.statusCode() + " " + response.body());
        }
        return root;
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

    /** Pairs of name, value as an urlencoded query or form; names may repeat. */
    static String form(String... params) {
        StringJoiner joined = new StringJoiner("&");
        for (int i = 0; i < params.length; i += 2) {
            joined.add(params[i] + "=" + encode(params[i + 1]));
        }
        return joined.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
