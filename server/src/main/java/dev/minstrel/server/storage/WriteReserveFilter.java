package dev.minstrel.server.storage;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.Set;

/**
 * Refuses writes while the data folder's disk is below its reserve ({@link DiskSpace}), before
 * anything reads their body: a Subsonic method that stores something answers error 0 in the
 * envelope, any {@code /api} call other than GET answers 507 as a problem detail, each with the
 * plain reason. Reads are never refused.
 */
final class WriteReserveFilter implements WebFilter, Ordered {

    /**
     * The Subsonic methods that store something. A write missing here still cannot be answered ok
     * unstored: H2 commits before answering and fails the call on a full disk.
     */
    static final Set<String> SUBSONIC_WRITES = Set.of("star", "unstar", "setRating", "scrobble",
            "createPlaylist", "updatePlaylist", "deletePlaylist", "createBookmark", "deleteBookmark",
            "savePlayQueue", "startScan");

    private final DiskSpace disk;

    WriteReserveFilter(DiskSpace disk) {
        this.disk = disk;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1; // right after the HTTP edge's refusals
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (writes(exchange) && !disk.allowsWrites()) {
            return Mono.error(new ResponseStatusException(HttpStatus.INSUFFICIENT_STORAGE, disk.refusal()));
        }
        return chain.filter(exchange);
    }

    private static boolean writes(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.startsWith("/api/")) {
            HttpMethod method = exchange.getRequest().getMethod();
            return !(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method));
        }
        if (path.startsWith("/rest/")) {
            String method = path.substring("/rest/".length());
            if (method.endsWith(".view")) {
                method = method.substring(0, method.length() - ".view".length());
            }
            return SUBSONIC_WRITES.contains(method);
        }
        return false;
    }
}
