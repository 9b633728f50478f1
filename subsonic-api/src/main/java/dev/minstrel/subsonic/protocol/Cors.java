package dev.minstrel.subsonic.protocol;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * CORS for browser clients (Feishin, airsonic-refix): any origin, no cookies involved (credentials
 * travel in the query), media headers exposed so players can seek; preflight answered here.
 */
public final class Cors implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    private static final String EXPOSED = "Content-Range, Content-Length, Accept-Ranges, Content-Disposition, "
            + "X-Total-Count, X-Content-Duration";

    @Override
    public Mono<ServerResponse> filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
        HttpHeaders headers = request.exchange().getResponse().getHeaders();
        headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        headers.set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED);
        if (HttpMethod.OPTIONS.equals(request.method())) {
            String requested = request.headers().firstHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
            return ServerResponse.noContent()
                    .header(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, HEAD, OPTIONS")
                    .header(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                            requested == null || requested.isBlank() ? "Range, Content-Type, Authorization" : requested)
                    .header(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "86400")
                    .build();
        }
        return next.handle(request);
    }
}
