package dev.minstrel.subsonic.protocol;

import dev.minstrel.library.catalogue.CleanText;
import dev.minstrel.subsonic.auth.SubsonicUser;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
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
import java.util.Optional;

/**
 * Answers {@code /rest/<method>[.view]}: merges query and form parameters, authenticates, runs the
 * endpoint and writes its reply in the requested format. This is the one place where every
 * failure becomes a Subsonic error over HTTP 200, in the client's format (text/xml for XML, also
 * on binary endpoints, so that DSub does not store an error as audio).
 */
public final class Dispatcher {

    /** Exchange attribute holding the client's IP as the server determined it (behind the tunnel). */
    public static final String CLIENT_ADDRESS = "dev.minstrel.clientAddress";

    /** The parameters that prove who a caller is; a call with none of them may be a signed URL. */
    private static final List<String> CREDENTIALS = List.of("u", "p", "t", "s", "apiKey");

    private final Endpoints endpoints;
    private final Authenticator authenticator;
    private final ResponseWriter writer;
    private final SubsonicSettings settings;

    private final RestErrorHandler errors;

    public Dispatcher(Endpoints endpoints, Authenticator authenticator, ResponseWriter writer, SubsonicSettings settings,
                      RestErrorHandler errors) {
        this.endpoints = endpoints;
        this.authenticator = authenticator;
        this.writer = writer;
        this.settings = settings;
        this.errors = errors;
    }

    public Mono<ServerResponse> handle(ServerRequest request) {
        Params query = Params.of(request.queryParams());
        Format[] format = {Format.of(query)};
        // deferred, so that a failure while reading the parameters is answered here like any other
        return Mono.defer(() -> {
                    Endpoints.Endpoint endpoint = endpoint(methodName(request.pathVariable("method")));
                    return callerFromQuery(request, query, endpoint).flatMap(caller -> params(request, query)
                            .flatMap(params -> {
                                format[0] = Format.of(params);
                                Format.checkCallback(params);
                                return dispatch(request, params, format[0], endpoint, caller.orElse(null));
                            }));
                })
                .onErrorResume(error -> failure(format[0], error));
    }

    private Endpoints.Endpoint endpoint(String name) {
        return endpoints.find(name).orElseThrow(() -> endpoints.unavailableFeature(name)
                .map(feature -> new SubsonicException(ErrorCode.GENERIC, feature + " are not available on this server"))
                .orElseGet(() -> new SubsonicException(ErrorCode.NOT_FOUND, "Unknown API method: " + name)));
    }

    /**
     * The caller of a form POST whose query already carries credentials, authenticated before its
     * body is read, so that a stranger's body costs no memory; empty for every other call, which
     * is authenticated with all its parameters in {@link #dispatch}.
     */
    private Mono<Optional<SubsonicUser>> callerFromQuery(ServerRequest request, Params query, Endpoints.Endpoint endpoint) {
        boolean credentials = query.has("apiKey") || query.has("u") && (query.has("p") || query.has("t") && query.has("s"));
        if (!isForm(request) || !credentials || endpoint.access() == Endpoints.Access.PUBLIC) {
            return Mono.just(Optional.empty());
        }
        return authenticator.authenticate(query, clientAddress(request)).map(Optional::of);
    }

    private Mono<ServerResponse> dispatch(ServerRequest request, Params params, Format format,
                                          Endpoints.Endpoint endpoint, SubsonicUser knownCaller) {
        // stored with now-playing entries and the play queue, in columns of 255, and shown to everyone
        String client = params.string("c").map(CleanText::of).filter(c -> !c.isBlank())
                .map(c -> c.length() > 255 ? c.substring(0, 255) : c).orElse("unknown");
        String address = clientAddress(request);
        Mono<Call> call;
        if (endpoint.access() == Endpoints.Access.PUBLIC) {
            call = Mono.just(new Call(request, params, format, null, client, settings.profileOf(client), address));
        } else if (knownCaller != null) {
            call = Mono.just(new Call(request, params, format, knownCaller, client, settings.profileOf(client), address));
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
        SubsonicException failure = errors.asSubsonic(error);
        return body(format, writer.failed(format, failure.code(), failure.getMessage()));
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

    private static boolean isForm(ServerRequest request) {
        try {
            return HttpMethod.POST.equals(request.method()) && request.headers().contentType()
                    .map(MediaType.APPLICATION_FORM_URLENCODED::isCompatibleWith).orElse(false);
        } catch (InvalidMediaTypeException unreadable) {
            throw new SubsonicException(ErrorCode.MISSING_PARAMETER, "The Content-Type header cannot be understood: "
                    + "send application/x-www-form-urlencoded (charset UTF-8)");
        }
    }

    /**
     * The query parameters followed by those of an urlencoded POST body, whose size is capped: a
     * body announced larger is refused unread (and its connection closed rather than drained).
     */
    private Mono<Params> params(ServerRequest request, Params query) {
        if (!isForm(request)) {
            return Mono.just(query);
        }
        if (request.headers().contentLength().orElse(0) > settings.maxFormBytes()) {
            request.exchange().getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
            throw errors.bodyTooLarge();
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
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return values;
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw new SubsonicException(ErrorCode.MISSING_PARAMETER, "The form body is malformed: a % must start an "
                    + "escape of two hexadecimal digits (write a literal % as %25)");
        }
    }
}
