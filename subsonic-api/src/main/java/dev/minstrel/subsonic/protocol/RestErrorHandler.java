package dev.minstrel.subsonic.protocol;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

import java.util.UUID;

/**
 * The one mapping from whatever failed under {@code /rest} to a Subsonic error in the envelope,
 * over HTTP 200 in the client's format. The dispatcher uses it for failures of a call; as a
 * {@link WebExceptionHandler} (registered by a server that mounts the API) it answers what never
 * reached the dispatcher: no such route ({@code /rest/a/b}), a method other than GET, POST, HEAD
 * or OPTIONS, a request the HTTP edge refused. Subsonic clients show the envelope's message;
 * Spring's own error answer is JSON that none of them reads, and DSub takes any 5xx for a network
 * failure.
 */
public final class RestErrorHandler implements WebExceptionHandler, Ordered {

    private static final Logger log = LoggerFactory.getLogger(RestErrorHandler.class);

    private final ResponseWriter writer;
    private final SubsonicSettings settings;

    public RestErrorHandler(ResponseWriter writer, SubsonicSettings settings) {
        this.writer = writer;
        this.settings = settings;
    }

    @Override
    public int getOrder() {
        return -2; // before Boot's own error handler (-1)
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        ServerHttpResponse response = exchange.getResponse();
        if (!(path.equals("/rest") || path.startsWith("/rest/")) || response.isCommitted()) {
            return Mono.error(error);
        }
        Format format = Format.of(Params.of(exchange.getRequest().getQueryParams()));
        SubsonicException failure = asSubsonic(error);
        response.setStatusCode(HttpStatus.OK);
        response.getHeaders().setContentType(format.mediaType());
        Cors.allowAnyOrigin(response.getHeaders());
        byte[] body = writer.failed(format, failure.code(), failure.getMessage());
        response.getHeaders().setContentLength(body.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    SubsonicException bodyTooLarge() {
        return new SubsonicException(ErrorCode.GENERIC, "Request body larger than " + settings.maxFormBytes()
                + " bytes: send fewer parameters at once");
    }

    /** The Subsonic error for a failure; one that nobody expected is logged with an incident number. */
    SubsonicException asSubsonic(Throwable error) {
        if (error instanceof SubsonicException e) {
            return e;
        }
        if (error instanceof DataBufferLimitException) {
            return bodyTooLarge();
        }
        if (error instanceof ResponseStatusException refused) {
            int status = refused.getStatusCode().value();
            if (status == 404) {
                return new SubsonicException(ErrorCode.NOT_FOUND,
                        "No Subsonic method at this path: call /rest/<method> or /rest/<method>.view");
            }
            if (status == 405) {
                return new SubsonicException(ErrorCode.GENERIC, "Call Subsonic methods with GET or POST");
            }
            String reason = refused.getReason() != null ? refused.getReason() : "The request was refused";
            return new SubsonicException(status == 400 ? ErrorCode.MISSING_PARAMETER : ErrorCode.GENERIC, reason);
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        log.warn("Subsonic call failed, incident {}", incident, error);
        return new SubsonicException(ErrorCode.GENERIC, "Internal error (incident " + incident + ")");
    }
}
