package dev.minstrel.analytics.stats;

import dev.minstrel.analytics.AnalyticsFixture;
import dev.minstrel.analytics.stats.TasteOverlap.SharedArtist;
import dev.minstrel.analytics.stats.TasteOverlap.SharedTrack;
import dev.minstrel.library.catalogue.Track;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.minstrel.analytics.TestTracks.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The taste overlap score: the share of listening two listeners have in common, 0 to 100, for
 * artists and for tracks, and the examples that show it.
 */
class TasteOverlapsTest {

    @Test
    void identicalTastesScore100WhateverTheNumberOfListens() {
        Map<String, Long> alice = Map.of("abba", 6L, "queen", 3L, "bowie", 1L);
        Map<String, Long> bob = Map.of("abba", 60L, "queen", 30L, "bowie", 10L);

        assertThat(TasteOverlaps.similarity(alice, alice)).isEqualTo(100);
        assertThat(TasteOverlaps.similarity(alice, bob)).as("the same shares, ten times the listens").isEqualTo(100);
    }

    @Test
    void disjointTastesScore0AndNoListensScore0() {
        assertThat(TasteOverlaps.similarity(Map.of("abba", 5L), Map.of("queen", 5L))).isZero();
        assertThat(TasteOverlaps.similarity(Map.of("abba", 5L), Map.of())).isZero();
        assertThat(TasteOverlaps.similarity(Map.of(), Map.of())).isZero();
    }

    @Test
    void aWorkedExampleSumsTheSmallerShareOfEachSharedItem() {
        // alice: abba 6 of 10 (60%), queen 3 (30%), bowie 1 (10%); bob: abba 2 of 4 (50%), cher 2 (50%).
        // Shared: abba only, min(60%, 50%) = 50%.
        Map<String, Long> alice = Map.of("abba", 6L, "queen", 3L, "bowie", 1L);
        Map<String, Long> bob = Map.of("abba", 2L, "cher", 2L);

        assertThat(TasteOverlaps.similarity(alice, bob)).isEqualTo(50);
        assertThat(TasteOverlaps.similarity(bob, alice)).as("the same whoever asks").isEqualTo(50);
        // carol: queen 1 of 2, bowie 1 of 2: min(30%, 50%) + min(10%, 50%) = 40%
        assertThat(TasteOverlaps.similarity(alice, Map.of("queen", 1L, "bowie", 1L))).isEqualTo(40);
    }

    @Test
    void examplesComeThoseThatAddMostFirstAndAtMostFive() {
        Map<String, Long> alice = Map.of("a", 1L, "b", 5L, "c", 2L, "d", 1L, "e", 1L, "f", 1L, "g", 1L);
        Map<String, Long> bob = Map.of("a", 1L, "b", 5L, "c", 2L, "d", 1L, "e", 1L, "f", 1L, "g", 1L, "h", 9L);

        assertThat(TasteOverlaps.shared(alice, bob)).containsExactly("b", "c", "a", "d", "e");
    }

    /** Tuesday 1 December 2026, noon UTC. */
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void twoListenersOverlapFromTheirListensWithBothCountsInTheExamples(@TempDir Path dir) {
        Track dancing = track("tr-dq", "Dancing Queen", "ABBA", "Arrival", "Pop", 200);
        Track waterloo = track("tr-wl", "Waterloo", "ABBA", "Waterloo", "Pop", 200);
        Track heroes = track("tr-he", "Heroes", "Bowie", "Heroes", "Rock", 200);
        Track believe = track("tr-be", "Believe", "Cher", "Believe", "Pop", 200);
        try (AnalyticsFixture fixture = new AnalyticsFixture(dir, NOW, List.of(dancing, waterloo, heroes, believe))) {
            // alice: Dancing Queen 3, Waterloo 1 (ABBA 4 of 4); bob: Dancing Queen 1, Heroes 1, Believe 2
            Instant at = NOW.minus(Duration.ofDays(20));
            for (Track track : List.of(dancing, dancing, dancing, waterloo)) {
                fixture.analytics.recorder().submission("us-alice", track.id(), "DSub", at, NOW).block();
                at = at.plus(Duration.ofMinutes(10));
            }
            for (Track track : List.of(dancing, heroes, believe, believe)) {
                fixture.analytics.recorder().submission("us-bob", track.id(), "DSub", at, NOW).block();
                at = at.plus(Duration.ofMinutes(10));
            }

            TasteOverlap overlap = fixture.analytics.overlaps().between("us-alice", "us-bob", "bob", Period.ALL).block();

            // artists: ABBA min(100%, 25%) = 25; tracks: Dancing Queen min(75%, 25%) = 25
            assertThat(overlap.artistScore()).isEqualTo(25);
            assertThat(overlap.trackScore()).isEqualTo(25);
            assertThat(overlap.score()).isEqualTo(25);
            assertThat(overlap.username()).isEqualTo("bob");
            assertThat(overlap.yourListens()).isEqualTo(4);
            assertThat(overlap.theirListens()).isEqualTo(4);
            assertThat(overlap.sharedArtists()).extracting(SharedArtist::name, SharedArtist::yourListens,
                    SharedArtist::theirListens).containsExactly(tuple("ABBA", 4L, 1L));
            assertThat(overlap.sharedTracks()).extracting(SharedTrack::title, SharedTrack::artist,
                    SharedTrack::yourListens, SharedTrack::theirListens).containsExactly(tuple("Dancing Queen", "ABBA", 3L, 1L));
            assertThat(fixture.analytics.overlaps().between("us-alice", "us-bob", "bob", Period.WEEK).block().score())
                    .as("nobody listened this week").isZero();
        }
    }
}
