package dev.minstrel.server.api.ingest;

import dev.minstrel.ingest.Requester;
import dev.minstrel.server.accounts.Account;
import dev.minstrel.server.api.ApiException;
import dev.minstrel.server.api.Caller;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the routes that add music (pasted links, watched playlists) read from a call. */
public final class IngestCaller {

    private IngestCaller() {
    }

    /** The ingest service's view of the caller: 403 for a friend without the ingest grant. */
    public static Requester requester(Caller caller) {
        Account account = caller.account();
        Requester requester = new Requester(account.id(), account.isOwner(), account.isOwner() || account.canIngest());
        if (!requester.mayIngest()) {
            throw ApiException.forbidden("Your account may not add music; ask the owner for the ingest permission.");
        }
        return requester;
    }

    /** The body's {@code url}; 400 with {@code help} when the body is not JSON with a text {@code url}. */
    public static String url(JsonMapper json, String body, String help) {
        if (body == null) {
            throw ApiException.badRequest(help);
        }
        try {
            JsonNode node = json.readTree(body);
            String url = node == null ? null : node.path("url").asString(null);
            if (url == null) {
                throw ApiException.badRequest(help);
            }
            return url;
        } catch (JacksonException e) {
            throw ApiException.badRequest(help);
        }
    }
}
