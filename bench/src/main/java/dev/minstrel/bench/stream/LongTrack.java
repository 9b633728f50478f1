package dev.minstrel.bench.stream;

import dev.minstrel.library.fixtures.AudioFixtures;

import java.nio.file.Path;

/**
 * Writes one tagged MP3 the size of a real song (the generated library's tracks are tiny), so the
 * streaming benchmark measures bytes moved, not requests answered.
 * {@code LongTrack <file> <seconds>}: 32 kbit/s, so 1,200 s is about 4.8 MB.
 */
public final class LongTrack {

    private LongTrack() {
    }

    public static void main(String[] args) {
        AudioFixtures.mp3(Path.of(args[0])).title("Benchmark Suite").artist("Minstrel Bench")
                .album("Bench").track(1).seconds(Integer.parseInt(args[1])).write();
    }
}
