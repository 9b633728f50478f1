package dev.minstrel.analytics.imports;

import dev.minstrel.analytics.listen.ImportedPlay;
import dev.minstrel.analytics.listen.ListenRules;
import dev.minstrel.analytics.listen.ListenStore;
import dev.minstrel.analytics.listen.ListenedTrack;
import dev.minstrel.analytics.listen.ListenerProfiles;
import dev.minstrel.library.catalogue.Catalogue;
import dev.minstrel.library.catalogue.Track;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Brings a user's listens from a ListenBrainz or Last.fm export file ({@link ListenFiles}): each
 * matched to a library track ({@link TrackMatcher}) or kept by its names, the same plays as ones
 * already stored left out, the rest stored in one transaction, the roll-ups rebuilt.
 */
public final class ListenImporter {

    private static final int EXAMPLES = 10;

    private final ListenStore store;
    private final ListenerProfiles profiles;
    private final Supplier<Catalogue> catalogue;
    private final ListenRules rules;
    private final Clock clock;

    public ListenImporter(ListenStore store, ListenerProfiles profiles, Supplier<Catalogue> catalogue, ListenRules rules,
                          Clock clock) {
        this.store = store;
        this.profiles = profiles;
        this.catalogue = catalogue;
        this.rules = rules;
        this.clock = clock;
    }

    /** Fails with {@link MalformedListenFile} (nothing stored) when the file cannot be read. */
    public Mono<ImportReport> importFile(String userId, Path file) {
        return Mono.fromCallable(() -> plays(ListenFiles.read(file)))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(plays -> store.addImported(userId, plays, rules, profiles, clock.instant())
                        .map(stored -> report(plays.size(), stored)));
    }

    private List<ImportedPlay> plays(List<ImportedListen> listens) {
        TrackMatcher matcher = new TrackMatcher(catalogue.get());
        List<ImportedPlay> plays = new ArrayList<>(listens.size());
        for (ImportedListen listen : listens) {
            Optional<Track> track = matcher.match(listen);
            ListenedTrack listened = track.map(ListenedTrack::of).orElseGet(() -> TrackMatcher.outsideLibrary(listen));
            int seconds = listened.durationSeconds() > 0 ? listened.durationSeconds() : rules.minimumSeconds();
            plays.add(new ImportedPlay(listened, track.isPresent(), listen.listenedAt(), seconds, listen.client(),
                    listen.source()));
        }
        return plays;
    }

    private static ImportReport report(int read, List<ImportedPlay> stored) {
        int matched = (int) stored.stream().filter(ImportedPlay::inLibrary).count();
        // one example per track, named as first found: "nobody – GONE" is the same track as "Nobody – Gone"
        Map<String, String> examples = new LinkedHashMap<>();
        for (ImportedPlay play : stored) {
            if (examples.size() == EXAMPLES) {
                break;
            }
            if (!play.inLibrary()) {
                examples.putIfAbsent(play.track().id(), play.track().artist() + " – " + play.track().title());
            }
        }
        return new ImportReport(stored.size(), read - stored.size(), matched, stored.size() - matched,
                List.copyOf(examples.values()));
    }
}
