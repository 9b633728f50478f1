package dev.minstrel.subsonic.protocol;

import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The API methods by name, each with who may call it and what answers it. {@code SubsonicRoutes}
 * fills it, one line a method; the {@link Dispatcher} looks calls up in it.
 */
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

    /** A method answered in the envelope, callable by {@code access} ({@code PUBLIC} or {@code USER}). */
    public Endpoints data(Access access, String name, Function<Call, Mono<Reply>> handler) {
        if (access == Access.USER_OR_SIGNED) {
            throw new IllegalArgumentException(name + ": only media can be fetched with a signed URL");
        }
        return add(name, new Endpoint(access, handler, null, null));
    }

    /** A method answered with a response of its own (audio, images), callable by signed-in users. */
    public Endpoints media(Access access, String name, Function<Call, Mono<ServerResponse>> handler) {
        if (access != Access.USER) {
            throw new IllegalArgumentException(name + ": media are for signed-in users, or signed URLs with a signature check");
        }
        return add(name, new Endpoint(access, null, handler, null));
    }

    /**
     * A media method ({@code USER_OR_SIGNED}) that also answers a call without credentials when
     * {@code signature} accepts its parameters; such a call has no user.
     */
    public Endpoints media(Access access, String name, Function<Call, Mono<ServerResponse>> handler,
                           Predicate<Params> signature) {
        if (access != Access.USER_OR_SIGNED) {
            throw new IllegalArgumentException(name + ": a signature check goes with USER_OR_SIGNED");
        }
        return add(name, new Endpoint(access, null, handler, signature));
    }

    /** A method of the protocol that Minstrel deliberately does not offer, answered with a clear error. */
    public Endpoints unavailable(String name, String feature) {
        if (byName.containsKey(name) || unavailable.putIfAbsent(name, feature) != null) {
            throw new IllegalStateException("Endpoint registered twice: " + name);
        }
        return this;
    }

    private Endpoints add(String name, Endpoint endpoint) {
        if (unavailable.containsKey(name) || byName.putIfAbsent(name, endpoint) != null) {
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

    /** The methods offered, by name. */
    public Set<String> names() {
        return Set.copyOf(byName.keySet());
    }

    /** The methods deliberately not offered, by name. */
    public Set<String> unavailableNames() {
        return Set.copyOf(unavailable.keySet());
    }
}
