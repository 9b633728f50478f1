package dev.minstrel.server.http;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Answers what the HTTP edge refused ({@link MalformedRequestGuard}) and {@code /api} bodies
 * announced larger than the JSON reader takes, before anything reads them: each becomes a
 * {@link ResponseStatusException} that the one error handler of the path writes (problem details
 * under {@code /api}, the Subsonic envelope elsewhere).
 */
final class RefusedRequestFilter implements WebFilter, Ordered {

    /** The one /api route that takes a file, not JSON: it streams the body to disk and limits its size itself. */
    private static final String UPLOAD_PATH = "/api/me/listens/import";

    private final DataSize maxLine;
    private final DataSize maxHeaders;
    private final DataSize maxApiBody;

    RefusedRequestFilter(DataSize maxLine, DataSize maxHeaders, DataSize maxApiBody) {
        this.maxLine = maxLine;
        this.maxHeaders = maxHeaders;
        this.maxApiBody = maxApiBody;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        String marker = headers.getFirst(Refusal.HEADER);
        if (marker != null) {
            Refusal refusal = Refusal.valueOf(marker);
            if (refusal.closesConnection()) {
                exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
            }
            return Mono.error(new ResponseStatusException(refusal.status(), detail(refusal)));
        }
        String path = exchange.getRequest().getPath().value();
        if (path.startsWith("/api/") && !path.equals(UPLOAD_PATH) && headers.getContentLength() > maxApiBody.toBytes()) {
            // the body is not read: the connection ends with the answer rather than carrying it
            exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
            return Mono.error(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, tooLarge()));
        }
        return chain.filter(exchange);
    }

    String tooLarge() {
        return "The body is larger than " + kilobytes(maxApiBody) + " KB";
    }

    private String detail(Refusal refusal) {
        return switch (refusal) {
            case LINE_TOO_LONG -> "The request line is longer than " + kilobytes(maxLine)
                    + " KB: send long lists of parameters as a form body (POST, "
                    + MediaType.APPLICATION_FORM_URLENCODED_VALUE + ")";
            case HEADERS_TOO_LARGE -> "The request headers are larger than " + kilobytes(maxHeaders) + " KB";
            case UNDECODABLE -> "The request is not valid HTTP/1.1";
            case MALFORMED_TARGET -> "The URL is malformed: a % must start an escape of two hexadecimal digits "
                    + "(write a literal % as %25), and a path must start with /";
            case MALFORMED_HOST -> "The Host header is not a host name or address with an optional port";
        };
    }

    private static long kilobytes(DataSize size) {
        return size.toKilobytes();
    }
}
