package dev.minstrel.subsonic.protocol;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Answers {@code /rest/<method>[.view]}: merges query and form parameters, authenticates, runs the
 * endpoint and writes its reply in the requested format. This is the one place where every
 * failure becomes a Subsonic error over HTTP 200, in the client's format (text/xml for XML, also
 * on binary endpoints, so that DSub does not store an error as audio).
 */
public final class Dispatcher {

    /** Exchange attribute holding the client's IP as the server determined it (behind the tunnel). */
    public static final String CLIENT_ADDRESS = "dev.minstrel.clientAddress";

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    /** The parameters that prove who a caller is; a call with none of them may be a signed URL. */
    private static final List<String> CREDENTIALS = List.of("u", "p", "t", "s", "apiKey");

    private final Endpoints endpoints;
    private final Authenticator authenticator;
    private final ResponseWriter writer;
    private final SubsonicSettings settings;

    public Dispatcher(Endpoints endpoints, Authenticator authenticator, ResponseWriter writer, SubsonicSettings settings) {
        this.endpoints = endpoints;
        this.authenticator = authenticator;
        this.writer = writer;
        this.settings = settings;
    }

    public Mono<ServerResponse> handle(ServerRequest request) {
        Params query = Params.of(request.queryParams());
        Format[] format = {Format.of(query)};
        return params(request, query)
                .flatMap(params -> {
                    format[0] = Format.of(params);
                    Format.checkCallback(params);
                    return dispatch(request, params, format[0]);
                })
                .onErrorResume(error -> failure(format[0], error));
    }

    private Mono<ServerResponse> dispatch(ServerRequest request, Params params, Format format) {
        String name = methodName(request.pathVariable("method"));
        Endpoints.Endpoint endpoint = endpoints.find(name).orElseThrow(() -> endpoints.unavailableFeature(name)
                .map(feature -> new SubsonicException(ErrorCode.GENERIC, feature + " are not available on this server"))
                .orElseGet(() -> new SubsonicException(ErrorCode.NOT_FOUND, "Unknown API method: " + name)));
        // stored with now-playing entries and the play queue, in columns of 255
        String client = params.string("c").filter(c -> !c.isBlank()).map(c -> c.length() > 255 ? c.substring(0, 255) : c)
                .orElse("unknown");
        String address = clientAddress(request);
        Mono<Call> call;
        if (endpoint.access() == Endpoints.Access.PUBLIC) {
            call = Mono.just(new Call(request, params, format, null, client, settings.profileOf(client), address));
        } else if (endpoint.access() == Endpoints.Access.USER_OR_SIGNED && CREDENTIALS.stream().noneMatch(params::has)) {
            // a URL the server signed; a wrong signature is no password guess, so the login guard is not told
            if (!endpoint.signature().test(params)) {
                throw new SubsonicException(ErrorCode.WRONG_CREDENTIALS,
                        "Credentials, or a valid signature (sig) from a URL this server gave out, are required");
            }
            call = Mono.just(new Call(request, params, format, null, client, settings.profileOf(client), address));
        } else {
            call = authenticator.authenticate(params, address)
                    .map(user -> new Call(request, params, format, user, client, settings.profileOf(client), address));
        }
        return call.flatMap(c -> endpoint.data() != null
                ? Mono.defer(() -> endpoint.data().apply(c)).flatMap(reply -> body(format, writer.ok(format, reply)))
                : Mono.defer(() -> endpoint.media().apply(c)));
    }

    private Mono<ServerResponse> failure(Format format, Throwable error) {
        if (error instanceof SubsonicException e) {
            return body(format, writer.failed(format, e.code(), e.getMessage()));
        }
        if (error instanceof DataBufferLimitException) {
            return body(format, writer.failed(format, ErrorCode.GENERIC,
                    "Request body larger than " + settings.maxFormBytes() + " bytes"));
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        log.warn("Subsonic call failed, incident {}", incident, error);
        return body(format, writer.failed(format, ErrorCode.GENERIC, "Internal error (incident " + incident + ")"));
    }

    private static Mono<ServerResponse> body(Format format, byte[] bytes) {
        return ServerResponse.ok().contentType(format.mediaType()).bodyValue(bytes);
    }

    private static String methodName(String segment) {
        return segment.endsWith(".view") ? segment.substring(0, segment.length() - ".view".length()) : segment;
    }

    private static String clientAddress(ServerRequest request) {
        Object attribute = request.exchange().getAttribute(CLIENT_ADDRESS);
        if (attribute instanceof String address && !address.isBlank()) {
            return address;
        }
        return request.remoteAddress().map(InetSocketAddress::getAddress).map(a -> a.getHostAddress()).orElse("unknown");
    }

    /** The query parameters followed by those of an urlencoded POST body, whose size is capped. */
    private Mono<Params> params(ServerRequest request, Params query) {
        boolean form = HttpMethod.POST.equals(request.method()) && request.headers().contentType()
                .map(MediaType.APPLICATION_FORM_URLENCODED::isCompatibleWith).orElse(false);
        if (!form) {
            return Mono.just(query);
        }
        return DataBufferUtils.join(request.exchange().getRequest().getBody(), settings.maxFormBytes())
                .map(buffer -> {
                    try {
                        return buffer.toString(StandardCharsets.UTF_8);
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .map(body -> query.with(parseForm(body)))
                .defaultIfEmpty(query);
    }

    static Map<String, List<String>> parseForm(String body) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException malformed) {
                throw new SubsonicException(ErrorCode.GENERIC, "Malformed form body: " + malformed.getMessage());
            }
        }
        return values;
    }
}
