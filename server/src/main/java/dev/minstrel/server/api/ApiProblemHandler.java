package dev.minstrel.server.api;

import dev.minstrel.server.accounts.AccountsException;
import dev.minstrel.server.security.LoginThrottledException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every {@code /api} error, wherever it is raised (a filter, a controller, no handler at all), as
 * an RFC 9457 problem detail in {@code application/problem+json}. Details are written for the
 * person reading them; stack traces and exception messages of libraries never reach the client
 * (a JSON parser's message may quote the body, and the body may hold a password).
 */
public class ApiProblemHandler implements WebExceptionHandler, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    private static final String TOO_LARGE = "The body is larger than the server reads; send only the documented fields";

    private final JsonMapper json;

    public ApiProblemHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public int getOrder() {
        return -2; // before Boot's own error handler (-1), which would answer in its own format
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        String path = exchange.getRequest().getPath().value();
        if (!path.startsWith("/api/") || exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        ServerHttpResponse response = exchange.getResponse();
        Map<String, Object> extra = new LinkedHashMap<>();
        HttpStatusCode status;
        String detail;
        if (error instanceof LoginThrottledException throttled) {
            status = HttpStatus.TOO_MANY_REQUESTS;
            detail = throttled.getMessage();
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
        } else if (error instanceof AccountsException refused) {
            status = switch (refused.kind()) {
                case INVALID -> HttpStatus.BAD_REQUEST;
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
                case CONFLICT -> HttpStatus.CONFLICT;
                case FORBIDDEN -> HttpStatus.FORBIDDEN;
            };
            detail = refused.getMessage();
        } else if (error instanceof WebExchangeBindException invalid) {
            status = HttpStatus.BAD_REQUEST;
            detail = "Some fields are not valid";
            extra.put("errors", invalid.getFieldErrors().stream()
                    .map(field -> Map.of("field", field.getField(), "message", String.valueOf(field.getDefaultMessage())))
                    .toList());
        } else if (error instanceof DataBufferLimitException) {
            // the JSON reader stops at its limit; a body announced larger never got this far
            status = HttpStatus.CONTENT_TOO_LARGE;
            detail = TOO_LARGE;
        } else if (error instanceof InvalidMediaTypeException) {
            status = HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            detail = "The Content-Type header cannot be understood: send application/json (charset UTF-8)";
        } else if (error instanceof ServerWebInputException input) {
            status = input.getStatusCode();
            detail = inputProblem(input);
        } else if (error instanceof DataAccessResourceFailureException || error instanceof TransientDataAccessException) {
            // the database could not be reached or had closed itself (a full disk does that to H2);
            // the pool replaces such connections, so asking again shortly is the honest answer
            log.warn("The database refused {} {}: {}", exchange.getRequest().getMethod(), path, error.getMessage());
            status = HttpStatus.SERVICE_UNAVAILABLE;
            detail = "The database could not do this just now (is its disk full?); nothing was saved. Try again in a moment.";
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
        } else if (error instanceof ErrorResponse known) {
            status = known.getStatusCode();
            // Spring's own 404 (no route) names its internals; an ApiException's 404 says what is missing
            detail = status.value() == 404 && !(error instanceof ApiException)
                    ? "There is nothing at " + exchange.getRequest().getMethod() + " " + path
                    : known.getBody().getDetail();
            if (detail == null && status.value() == HttpStatus.CONTENT_TOO_LARGE.value()) {
                detail = TOO_LARGE;
            }
            response.getHeaders().addAll(known.getHeaders());
        } else {
            log.error("Unexpected error answering {} {}", exchange.getRequest().getMethod(), path, error);
            status = HttpStatus.INTERNAL_SERVER_ERROR;
            detail = "Something went wrong on the server; the log says more";
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.put("title", known == null ? "Error" : known.getReasonPhrase());
        problem.put("status", status.value());
        if (detail != null) {
            problem.put("detail", detail);
        }
        problem.put("instance", path);
        problem.putAll(extra);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = json.writeValueAsBytes(problem);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    /**
     * Says which part of the request was wrong: a query or path parameter is named with what it
     * needs, because "send a JSON body" would mislead a caller whose body was never the problem.
     */
    private static String inputProblem(ServerWebInputException input) {
        MethodParameter parameter = input.getMethodParameter();
        if (parameter == null || parameter.hasParameterAnnotation(RequestBody.class)) {
            return "The request could not be read: send a JSON body with the documented fields";
        }
        RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
        PathVariable segment = parameter.getParameterAnnotation(PathVariable.class);
        String name = query != null && !query.name().isEmpty() ? query.name()
                : segment != null && !segment.name().isEmpty() ? segment.name()
                : parameter.getParameterName();
        String where = segment != null ? "path segment" : "query parameter";
        if (input instanceof MissingRequestValueException) {
            return "The " + where + " '" + name + "' is missing";
        }
        Class<?> type = parameter.getParameterType();
        String expected = type == boolean.class || type == Boolean.class ? "true or false"
                : Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class) ? "a whole number"
                : "a valid value";
        return "The " + where + " '" + name + "' must be " + expected;
    }
}
