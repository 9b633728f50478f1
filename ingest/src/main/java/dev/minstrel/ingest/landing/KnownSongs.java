package dev.minstrel.ingest.landing;

import dev.minstrel.ingest.link.InvalidLinkException;
import dev.minstrel.ingest.link.Link;
import dev.minstrel.ingest.link.LinkParser;
import dev.minstrel.library.catalogue.Catalogue;
import dev.minstrel.library.catalogue.Track;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The songs of one catalogue snapshot by what identifies a recording across links and files: its
 * source (the Spotify track or YouTube video recorded in its tags) and its ISRC. Built once per
 * snapshot, so that a check before a download is a lookup, not a pass over every track parsing
 * its source URL.
 */
public final class KnownSongs {

    private final Catalogue catalogue;
    private final Map<String, Track> bySource = new HashMap<>();
    private final Map<String, Track> byIsrc = new HashMap<>();

    private KnownSongs(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    static KnownSongs of(Catalogue catalogue, LinkParser links) {
        KnownSongs known = new KnownSongs(catalogue);
        for (Track track : catalogue.tracks()) {
            parse(links, track.sourceUrl()).ifPresent(link -> known.bySource.putIfAbsent(link.identity(), track));
            if (track.isrc() != null) {
                known.byIsrc.putIfAbsent(track.isrc(), track);
            }
        }
        return known;
    }

    Catalogue catalogue() {
        return catalogue;
    }

    /** The track that came from this single-song link (a Spotify track, a YouTube video). */
    public Optional<Track> bySource(Link link) {
        return link.kind() == Link.Kind.TRACK ? Optional.ofNullable(bySource.get(link.identity())) : Optional.empty();
    }

    /** @param isrc as the library compares them (see {@code TagReader.isrc}) */
    public Optional<Track> byIsrc(String isrc) {
        return isrc == null ? Optional.empty() : Optional.ofNullable(byIsrc.get(isrc));
    }

    /** The ids of the YouTube videos the library's songs came from, for a downloader to skip. */
    public Set<String> youTubeVideoIds() {
        return bySource.keySet().stream().filter(identity -> identity.startsWith("youtube:track:"))
                .map(identity -> identity.substring("youtube:track:".length())).collect(Collectors.toUnmodifiableSet());
    }

    static Optional<Link> parse(LinkParser links, String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(links.parse(url));
        } catch (InvalidLinkException e) {
            return Optional.empty();
        }
    }
}
