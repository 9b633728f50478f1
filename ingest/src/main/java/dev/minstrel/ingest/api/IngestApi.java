package dev.minstrel.ingest.api;

import dev.minstrel.ingest.IngestService;
import dev.minstrel.ingest.events.JobView;
import dev.minstrel.ingest.job.Job;
import dev.minstrel.ingest.link.InvalidLinkException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The ingest endpoints under {@code /api/ingest}: jobs as JSON, errors as RFC 9457 problem details,
 * live progress as Server-Sent Events and over a WebSocket (the same JSON events on both).
 */
public final class IngestApi {

    static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;
    private static final Duration HEARTBEAT = Duration.ofSeconds(20); // under Cloudflare's 100 s idle limit
    private static final int MAX_LIMIT = 200;

    private final IngestService service;
    private final IngestCallers callers;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final WebSocketService webSockets = new HandshakeWebSocketService();

    private IngestApi(IngestService service, IngestCallers callers) {
        this.service = service;
        this.callers = callers;
    }

    public static RouterFunction<ServerResponse> routes(IngestService service, IngestCallers callers) {
        IngestApi api = new IngestApi(service, callers);
        return RouterFunctions.route()
                .GET("/api/ingest/events", api::events)
                .GET("/api/ingest/ws", api::webSocket)
                .POST("/api/ingest", api::submit)
                .GET("/api/ingest", api::list)
                .GET("/api/ingest/{id}", api::get)
                .DELETE("/api/ingest/{id}", api::cancel)
                .POST("/api/ingest/{id}/retry", api::retry)
                .build();
    }

    private Mono<ServerResponse> submit(ServerRequest request) {
        return as(request, caller -> request.bodyToMono(String.class).defaultIfEmpty("")
                .flatMap(body -> {
                    String url;
                    try {
                        JsonNode node = json.readTree(body);
                        url = node == null ? null : node.path("url").asString(null);
                    } catch (RuntimeException e) {
                        return problem(HttpStatus.BAD_REQUEST, "The body must be JSON like {\"url\": \"https://open.spotify.com/track/...\"}.");
                    }
                    if (url == null) {
                        return problem(HttpStatus.BAD_REQUEST, "The body must be JSON like {\"url\": \"https://open.spotify.com/track/...\"}.");
                    }
                    return service.submit(caller, url).flatMap(s -> s.created()
                            ? ServerResponse.created(URI.create("/api/ingest/" + s.job().id()))
                              .contentType(MediaType.APPLICATION_JSON).bodyValue(write(JobView.of(s.job())))
                            : jsonOk(JobView.of(s.job())));
                })
                .onErrorResume(InvalidLinkException.class, e -> problem(HttpStatus.BAD_REQUEST, e.getMessage())));
    }

    private Mono<ServerResponse> list(ServerRequest request) {
        return as(request, caller -> {
            int offset = intParam(request, "offset", 0);
            int limit = intParam(request, "limit", 50);
            if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
                return problem(HttpStatus.BAD_REQUEST, "offset must be 0 or more and limit between 1 and " + MAX_LIMIT + ".");
            }
            return service.page(caller, offset, limit).flatMap(page -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("jobs", page.jobs().stream().map(JobView::of).toList());
                body.put("offset", page.offset());
                body.put("limit", page.limit());
                body.put("total", page.total());
                return jsonOk(body);
            });
        });
    }

    private Mono<ServerResponse> get(ServerRequest request) {
        return as(request, caller -> orNotFound(service.find(caller, request.pathVariable("id")), request));
    }

    private Mono<ServerResponse> cancel(ServerRequest request) {
        return as(request, caller -> orNotFound(service.cancel(caller, request.pathVariable("id")), request));
    }

    private Mono<ServerResponse> retry(ServerRequest request) {
        return as(request, caller -> orNotFound(service.retry(caller, request.pathVariable("id")), request));
    }

    private Mono<ServerResponse> events(ServerRequest request) {
        return as(request, caller -> {
            Flux<ServerSentEvent<String>> data = service.events(caller)
                    .map(e -> ServerSentEvent.builder(write(e)).event(e.type()).build());
            Flux<ServerSentEvent<String>> heartbeat = Flux.interval(HEARTBEAT)
                    .map(n -> ServerSentEvent.<String>builder().comment("keep-alive").build());
            return ServerResponse.ok().contentType(MediaType.TEXT_EVENT_STREAM)
                    .header("Cache-Control", "no-store")
                    .body(Flux.merge(data, heartbeat), ServerSentEvent.class);
        });
    }

    private Mono<ServerResponse> webSocket(ServerRequest request) {
        return as(request, caller -> {
            WebSocketHandler handler = session -> session.send(Flux.merge(
                            service.events(caller).map(e -> session.textMessage(write(e))),
                            Flux.interval(HEARTBEAT).map(n -> session.pingMessage(f -> f.wrap(new byte[0])))))
                    .and(session.receive().then());
            return ServerResponse.ok().build((exchange, context) -> webSockets.handleRequest(exchange, handler));
        });
    }

    /** Runs the handler for a signed-in caller allowed to ingest: 401 for nobody, 403 for others. */
    private Mono<ServerResponse> as(ServerRequest request, Function<IngestCaller, Mono<ServerResponse>> handler) {
        return callers.caller(request)
                .flatMap(caller -> caller.mayIngest() ? handler.apply(caller)
                        : problem(HttpStatus.FORBIDDEN, "Your account may not add music; ask the owner for the ingest permission."))
                .switchIfEmpty(Mono.defer(() -> problem(HttpStatus.UNAUTHORIZED, "Sign in first.")));
    }

    private Mono<ServerResponse> orNotFound(Mono<Job> job, ServerRequest request) {
        return job.flatMap(j -> jsonOk(JobView.of(j)))
                .switchIfEmpty(Mono.defer(() -> problem(HttpStatus.NOT_FOUND,
                        "There is no ingest job " + request.pathVariable("id") + ".")));
    }

    private Mono<ServerResponse> jsonOk(Object body) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(write(body));
    }

    private Mono<ServerResponse> problem(HttpStatus status, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        return ServerResponse.status(status).contentType(PROBLEM).bodyValue(write(body));
    }

    private String write(Object value) {
        return json.writeValueAsString(value);
    }

    private static int intParam(ServerRequest request, String name, int fallback) {
        try {
            return request.queryParam(name).map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

}
