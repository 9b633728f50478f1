package dev.minstrel.server.api;

import com.jayway.jsonpath.JsonPath;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One client of the real server over HTTP, as a browser page or a script would be: keeps its
 * cookies, echoes the CSRF cookie in {@code X-XSRF-TOKEN} like the web page does, and may come
 * "from" an address given in {@code X-Forwarded-For} (the tests' own connection is loopback, a
 * trusted proxy by default).
 */
public final class Visitor {

    private final WebTestClient client;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String address;
    private String bearer;
    private boolean echoCsrf = true;

    public Visitor(int port) {
        this.client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    public Visitor from(String address) {
        this.address = address;
        return this;
    }

    public Visitor bearer(String key) {
        this.bearer = key;
        return this;
    }

    public Visitor withoutCsrfHeader() {
        this.echoCsrf = false;
        return this;
    }

    public Map<String, String> cookies() {
        return cookies;
    }

    public Reply get(String path) {
        return send(HttpMethod.GET, path, null);
    }

    public Reply post(String path, Object body) {
        return send(HttpMethod.POST, path, body);
    }

    public Reply patch(String path, Object body) {
        return send(HttpMethod.PATCH, path, body);
    }

    public Reply delete(String path) {
        return send(HttpMethod.DELETE, path, null);
    }

    public Reply login(String username, String password) {
        return post("/api/auth/login", Map.of("username", username, "password", password));
    }

    public Reply send(HttpMethod method, String path, Object body) {
        WebTestClient.RequestBodySpec request = client.method(method).uri(path).headers(headers -> {
            if (!cookies.isEmpty()) {
                headers.set(HttpHeaders.COOKIE, String.join("; ", cookies.entrySet().stream()
                        .map(c -> c.getKey() + "=" + c.getValue()).toList()));
            }
            if (echoCsrf && cookies.containsKey("XSRF-TOKEN")) {
                headers.set("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
            }
            if (address != null) {
                headers.set("X-Forwarded-For", address);
            }
            if (bearer != null) {
                headers.setBearerAuth(bearer);
            }
        });
        WebTestClient.RequestHeadersSpec<?> ready = body == null ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        EntityExchangeResult<String> result = ready.exchange().expectBody(String.class).returnResult();
        for (List<ResponseCookie> set : result.getResponseCookies().values()) {
            for (ResponseCookie cookie : set) {
                if (cookie.getMaxAge().isZero()) {
                    cookies.remove(cookie.getName());
                } else {
                    cookies.put(cookie.getName(), cookie.getValue());
                }
            }
        }
        return new Reply(result.getStatus().value(), result.getResponseHeaders(), result.getResponseBody(),
                result.getResponseCookies().toSingleValueMap());
    }

    public record Reply(int status, HttpHeaders headers, String body, Map<String, ResponseCookie> cookies) {

        public <T> T json(String path) {
            return JsonPath.read(body, path);
        }

        public static <T> T read(String json, String path) {
            return JsonPath.read(json, path);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
