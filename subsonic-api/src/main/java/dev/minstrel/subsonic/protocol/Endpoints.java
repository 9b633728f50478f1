package dev.minstrel.subsonic.protocol;

import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/** The API methods by name, each with who may call it and what answers it. */
public final class Endpoints {

    /**
     * Who may call: anyone ({@code PUBLIC}), a signed-in user ({@code USER}), or a user or a call
     * without any credentials whose parameters carry a valid signature ({@code USER_OR_SIGNED}):
     * a URL the server handed out, such as an artist's image URL.
     */
    public enum Access { PUBLIC, USER, USER_OR_SIGNED }

    /**
     * An endpoint answers either with a payload for the envelope ({@code data}) or with a response
     * of its own such as audio bytes ({@code media}).
     *
     * @param signature for {@code USER_OR_SIGNED}: whether a call's parameters carry a valid signature
     */
    public record Endpoint(Access access, Function<Call, Mono<Reply>> data, Function<Call, Mono<ServerResponse>> media,
                           Predicate<Params> signature) {
    }

    private final Map<String, Endpoint> byName = new HashMap<>();
    private final Map<String, String> unavailable = new HashMap<>();

    public Endpoints data(String name, Function<Call, Mono<Reply>> handler) {
        return add(name, new Endpoint(Access.USER, handler, null, null));
    }

    public Endpoints publicData(String name, Function<Call, Mono<Reply>> handler) {
        return add(name, new Endpoint(Access.PUBLIC, handler, null, null));
    }

    public Endpoints media(String name, Function<Call, Mono<ServerResponse>> handler) {
        return add(name, new Endpoint(Access.USER, null, handler, null));
    }

    /**
     * A media endpoint that also answers a call without credentials when {@code signature} accepts
     * its parameters; such a call has no user.
     */
    public Endpoints signedMedia(String name, Predicate<Params> signature, Function<Call, Mono<ServerResponse>> handler) {
        return add(name, new Endpoint(Access.USER_OR_SIGNED, null, handler, signature));
    }

    /** Methods of the protocol that Minstrel deliberately does not offer, answered with a clear error. */
    public Endpoints unavailable(String feature, List<String> names) {
        names.forEach(name -> unavailable.put(name, feature));
        return this;
    }

    private Endpoints add(String name, Endpoint endpoint) {
        if (byName.putIfAbsent(name, endpoint) != null) {
            throw new IllegalStateException("Endpoint registered twice: " + name);
        }
        return this;
    }

    public Optional<Endpoint> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Optional<String> unavailableFeature(String name) {
        return Optional.ofNullable(unavailable.get(name));
    }
}
