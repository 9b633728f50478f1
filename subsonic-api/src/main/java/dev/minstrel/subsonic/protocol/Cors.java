package dev.minstrel.subsonic.protocol;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * CORS for browser clients (Feishin, airsonic-refix): any origin, no cookies involved (credentials
 * travel in the query), media headers exposed so players can seek; preflight answered here, and
 * by {@link #preflightFilter()} in a full WebFlux application.
 */
public final class Cors implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    private static final String EXPOSED = "Content-Range, Content-Length, Accept-Ranges, Content-Disposition, "
            + "X-Total-Count, X-Content-Duration";

    @Override
    public Mono<ServerResponse> filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
        HttpHeaders headers = request.exchange().getResponse().getHeaders();
        allowAnyOrigin(headers);
        if (HttpMethod.OPTIONS.equals(request.method())) {
            allowPreflight(headers, request.headers().firstHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS));
            return ServerResponse.noContent().build();
        }
        return next.handle(request);
    }

    /**
     * Answers CORS preflights to {@code /rest/} before WebFlux's handler mapping sees them: the
     * mapping answers a preflight itself, with an empty 200 and no CORS headers, whenever no CORS
     * configuration is registered for the route, so the router's filter never gets the chance and
     * browsers refuse the real call. A server that mounts {@link dev.minstrel.subsonic.SubsonicApi}
     * registers this filter as a bean.
     */
    public static WebFilter preflightFilter() {
        return (exchange, chain) -> {
            if (!CorsUtils.isPreFlightRequest(exchange.getRequest())
                    || !exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/rest/")) {
                return chain.filter(exchange);
            }
            HttpHeaders headers = exchange.getResponse().getHeaders();
            allowAnyOrigin(headers);
            allowPreflight(headers, exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS));
            exchange.getResponse().setStatusCode(HttpStatus.NO_CONTENT);
            return exchange.getResponse().setComplete();
        };
    }

    /** The headers every /rest answer carries, errors included, so browser clients can read them. */
    public static void allowAnyOrigin(HttpHeaders headers) {
        headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        headers.set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED);
    }

    private static void allowPreflight(HttpHeaders headers, String requestedHeaders) {
        headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, HEAD, OPTIONS");
        headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, requestedHeaders == null || requestedHeaders.isBlank()
                ? "Range, Content-Type, Authorization" : requestedHeaders);
        headers.set(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "86400");
    }
}
