package dev.minstrel.server.api.ingest;

import dev.minstrel.ingest.IngestService;
import dev.minstrel.ingest.Requester;
import dev.minstrel.ingest.events.IngestEvent;
import dev.minstrel.ingest.events.JobView;
import dev.minstrel.ingest.job.Job;
import dev.minstrel.ingest.link.InvalidLinkException;
import dev.minstrel.server.api.ApiException;
import dev.minstrel.server.api.Caller;
import dev.minstrel.server.api.KeepAlive;
import dev.minstrel.server.api.PageParameters;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.List;

import static dev.minstrel.server.api.ingest.IngestCaller.requester;
import static dev.minstrel.server.api.ingest.IngestCaller.url;

/**
 * Pasting links and following their downloads: jobs as JSON, live progress as Server-Sent Events
 * and over a WebSocket (the same JSON events on both). The owner may do all of it, a friend only
 * with the {@code ingest} grant, and sees only their own jobs.
 */
@RestController
@RequestMapping("/api/ingest")
public class IngestController {

    private static final String BODY_HELP =
            "The body must be JSON like {\"url\": \"https://open.spotify.com/track/...\"}.";

    private final IngestService service;
    private final JsonMapper json;
    private final WebSocketService webSockets = new HandshakeWebSocketService();

    public IngestController(IngestService service, JsonMapper json) {
        this.service = service;
        this.json = json;
    }

    /** A page of jobs, newest first. */
    public record JobList(List<JobView> jobs, int offset, int limit, long total) {
    }

    /**
     * Read leniently, as JSON whatever the content type says, so that {@code curl -d} works; a
     * body that is not JSON, or has no {@code url}, gets one plain explanation.
     */
    @PostMapping
    public Mono<ResponseEntity<JobView>> submit(Caller caller, @RequestBody(required = false) String body) {
        Requester requester = requester(caller);
        String url = url(json, body, BODY_HELP);
        try {
            return service.submit(requester, url).map(submission -> {
                JobView job = JobView.of(submission.job());
                return submission.created()
                        ? ResponseEntity.created(URI.create("/api/ingest/" + job.id())).body(job)
                        : ResponseEntity.ok(job);
            });
        } catch (InvalidLinkException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    @GetMapping
    public Mono<JobList> list(Caller caller, @RequestParam(defaultValue = "0") String offset,
                              @RequestParam(defaultValue = "50") String limit) {
        Requester requester = requester(caller);
        PageParameters asked = PageParameters.of(offset, limit);
        return service.page(requester, asked.offset(), asked.limit()).map(page -> new JobList(
                page.jobs().stream().map(JobView::of).toList(), page.offset(), page.limit(), page.total()));
    }

    @GetMapping("/{id}")
    public Mono<JobView> get(Caller caller, @PathVariable String id) {
        return orNotFound(service.find(requester(caller), id), id);
    }

    /** Stops the downloader and removes partial files; a job already over is answered as it is. */
    @DeleteMapping("/{id}")
    public Mono<JobView> cancel(Caller caller, @PathVariable String id) {
        return orNotFound(service.cancel(requester(caller), id), id);
    }

    /** Queues a failed, partial or cancelled job again; any other job is answered as it is. */
    @PostMapping("/{id}/retry")
    public Mono<JobView> retry(Caller caller, @PathVariable String id) {
        return orNotFound(service.retry(requester(caller), id), id);
    }

    /** The jobs a "retry all failed" queued again. */
    public record Retried(List<JobView> jobs) {
    }

    /** Queues every failed and partial job the caller sees again (the owner: everyone's). */
    @PostMapping("/retry-failed")
    public Mono<Retried> retryFailed(Caller caller) {
        return service.retryFailed(requester(caller)).map(jobs -> new Retried(jobs.stream().map(JobView::of).toList()));
    }

    /** The caller's current jobs as {@code job} events, then every change, with keep-alive comments. */
    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<String>> events(Caller caller) {
        return KeepAlive.serverSentEvents(service.events(requester(caller))
                .map(event -> ServerSentEvent.builder(write(event)).event(event.type()).build()));
    }

    /**
     * The same events as text messages over a WebSocket, with pings as keep-alives. The caller is
     * checked before the upgrade, so a refusal is an ordinary problem detail.
     */
    @GetMapping("/ws")
    public Mono<Void> webSocket(Caller caller, ServerWebExchange exchange) {
        Flux<IngestEvent> events = service.events(requester(caller));
        if (!"websocket".equalsIgnoreCase(exchange.getRequest().getHeaders().getUpgrade())) {
            // a browser tab or curl opened the address: say what it is instead of a bare handshake error
            ApiException upgrade = new ApiException(HttpStatus.UPGRADE_REQUIRED,
                    "This address speaks WebSocket; open it with a WebSocket client, or read /api/ingest/events as a plain event stream.");
            upgrade.getHeaders().set(HttpHeaders.UPGRADE, "websocket");
            return Mono.error(upgrade);
        }
        return webSockets.handleRequest(exchange, session -> session.send(Flux.merge(
                        events.map(event -> session.textMessage(write(event))),
                        Flux.interval(KeepAlive.INTERVAL).map(n -> session.pingMessage(factory -> factory.wrap(new byte[0])))))
                .and(session.receive().then()));
    }

    private static Mono<JobView> orNotFound(Mono<Job> job, String id) {
        return job.map(JobView::of)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("There is no ingest job " + id + ".")));
    }

    private String write(Object value) {
        return json.writeValueAsString(value);
    }
}
