package dev.minstrel.bench.search;

import dev.minstrel.library.catalogue.Catalogue;
import dev.minstrel.library.catalogue.TextFold;
import dev.minstrel.library.catalogue.Track;
import dev.minstrel.library.search.SearchQuery;
import dev.minstrel.library.search.SearchResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * search3 as Symfonium and Feishin type it (short prefixes, two words, accents), over a catalogue
 * of {@code tracks} songs. {@code naiveBaseline} is what a first implementation would do (fold
 * every title on every query and test substrings); the ratio of the two is the figure to report.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx256m", "-XX:+UseSerialGC"})
public class SearchBenchmark {

    private static final String[] QUERIES = {"beat", "the", "love night", "rio", "ETOILE", "sum", "golden riv",
            "zurich", "m", "satellite coffee", "neon 12", "paradise"};

    @Param("50000")
    int tracks;

    private Catalogue catalogue;
    private int next;

    @Setup
    public void build() {
        catalogue = SyntheticCatalogue.catalogue(tracks, 42);
    }

    @Benchmark
    public SearchResult search3() {
        String query = QUERIES[next++ % QUERIES.length];
        return catalogue.search(new SearchQuery(query, 20, 0, 20, 0, 20, 0));
    }

    @Benchmark
    public List<Track> naiveBaseline() {
        String query = TextFold.fold(QUERIES[next++ % QUERIES.length]);
        List<Track> matches = new ArrayList<>();
        for (Track track : catalogue.tracks()) {
            if (TextFold.fold(track.title() + " " + track.artist() + " " + track.album()).contains(query)) {
                matches.add(track);
            }
        }
        return matches;
    }
}
