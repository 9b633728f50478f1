package dev.minstrel.server.api.web;

import dev.minstrel.server.accounts.sessions.PlayerKeys;
import dev.minstrel.server.api.ApiException;
import dev.minstrel.server.api.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/** What the web page needs besides the rest of {@code /api}: its Subsonic credential and the server's address. */
@RestController
@RequestMapping("/api/web")
public class WebPageController {

    /** The client name the page sends as {@code c}: what getNowPlaying and the listening stats show. */
    public static final String CLIENT_NAME = "Minstrel web";

    private final PlayerKeys playerKeys;
    private final ServerAddress address;

    public WebPageController(PlayerKeys playerKeys, ServerAddress address) {
        this.playerKeys = playerKeys;
        this.address = address;
    }

    /** The page's apiKey for /rest; the key itself must never reach a log. */
    public record PlayerKey(String apiKey, String client) {

        @Override
        public String toString() {
            return "PlayerKey[" + client + "]";
        }
    }

    public record Server(String address, boolean configured) {
    }

    /**
     * A POST, so that only the page's own script (which can echo the CSRF token) gets the key; a
     * caller with an API key has no web session to bind one to.
     */
    @PostMapping("/player-key")
    public PlayerKey playerKey(Caller caller) {
        if (caller.sessionId() == null) {
            throw ApiException.forbidden("A player key belongs to a web session: log in on the web page");
        }
        return new PlayerKey(playerKeys.keyOf(caller.sessionId()), CLIENT_NAME);
    }

    @GetMapping("/server")
    public Server server(Caller caller, ServerWebExchange exchange) {
        return new Server(address.of(exchange), address.configured());
    }
}
