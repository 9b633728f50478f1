package dev.minstrel.subsonic.protocol;

import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The API methods by name, each with who may call it and what answers it. */
public final class Endpoints {

    public enum Access { PUBLIC, USER }

    /**
     * An endpoint answers either with a payload for the envelope ({@code data}) or with a response
     * of its own such as audio bytes ({@code media}).
     */
    public record Endpoint(Access access, Function<Call, Mono<Reply>> data, Function<Call, Mono<ServerResponse>> media) {
    }

    private final Map<String, Endpoint> byName = new HashMap<>();
    private final Map<String, String> unavailable = new HashMap<>();

    public Endpoints data(String name, Function<Call, Mono<Reply>> handler) {
        return add(name, new Endpoint(Access.USER, handler, null));
    }

    public Endpoints publicData(String name, Function<Call, Mono<Reply>> handler) {
        return add(name, new Endpoint(Access.PUBLIC, handler, null));
    }

    public Endpoints media(String name, Function<Call, Mono<ServerResponse>> handler) {
        return add(name, new Endpoint(Access.USER, null, handler));
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
