package dev.minstrel.subsonic.search;

import dev.minstrel.library.catalogue.Catalogue;
import dev.minstrel.library.search.SearchQuery;
import dev.minstrel.library.search.SearchResult;
import dev.minstrel.subsonic.model.Payloads;
import dev.minstrel.subsonic.protocol.Call;
import dev.minstrel.subsonic.protocol.Lookups;
import dev.minstrel.subsonic.protocol.Reply;
import dev.minstrel.subsonic.view.ViewSource;
import reactor.core.publisher.Mono;

/**
 * search2 and search3 with separate counts and offsets per kind. An empty query (absent, blank or
 * the literal {@code ""}) pages through everything in a stable order: Symfonium syncs that way.
 */
public final class SearchEndpoints {

    /** Large pages are allowed (offline sync); a page shorter than asked would end a client's sync early. */
    private static final int MAX_COUNT = 10_000;

    private final ViewSource views;

    public SearchEndpoints(ViewSource views) {
        this.views = views;
    }

    public Mono<Reply> search2(Call call) {
        return views.views(call).map(v -> {
            SearchResult result = search(call, v.catalogue());
            return Reply.of("searchResult2", new Payloads.Matches(result.artists().stream().map(v::artistEntry).toList(),
                    result.albums().stream().map(v::albumDirectory).toList(), v.songs(result.tracks())));
        });
    }

    public Mono<Reply> search3(Call call) {
        return views.views(call).map(v -> {
            SearchResult result = search(call, v.catalogue());
            return Reply.of("searchResult3", new Payloads.MatchesID3(result.artists().stream().map(v::artist).toList(),
                    result.albums().stream().map(v::album).toList(), v.songs(result.tracks())));
        });
    }

    private static SearchResult search(Call call, Catalogue catalogue) {
        Lookups.checkMusicFolder(call);
        var p = call.params();
        String text = p.string("query").orElse("");
        return catalogue.search(new SearchQuery(text,
                p.count("artistCount", 20, MAX_COUNT), p.count("artistOffset", 0, Integer.MAX_VALUE),
                p.count("albumCount", 20, MAX_COUNT), p.count("albumOffset", 0, Integer.MAX_VALUE),
                p.count("songCount", 20, MAX_COUNT), p.count("songOffset", 0, Integer.MAX_VALUE)));
    }
}
