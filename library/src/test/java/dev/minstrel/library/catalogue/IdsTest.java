package dev.minstrel.library.catalogue;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTest {

    @Test
    void aCoverArtIdIsTheItemsIdAndTheArtsTimeInHex() {
        assertThat(Ids.coverArtId("al-Abc123", 1_764_000_000_000L)).isEqualTo("al-Abc123_19ab697e800");
        assertThat(Ids.coverArtId("al-Abc123", 0)).as("unknown time").isEqualTo("al-Abc123");
    }

    @Test
    void theVersionComesOffAndPlainIdsStayAsTheyAre() {
        assertThat(Ids.withoutVersion("al-Abc123_19ab697e800")).isEqualTo("al-Abc123");
        assertThat(Ids.withoutVersion("al-Abc123_19AB697E800")).isEqualTo("al-Abc123");
        assertThat(Ids.withoutVersion("al-Abc123")).isEqualTo("al-Abc123");
        assertThat(Ids.withoutVersion("pl-Abc123")).isEqualTo("pl-Abc123");
        assertThat(Ids.withoutVersion("al-Abc123_")).as("no version after the separator").isEqualTo("al-Abc123_");
        assertThat(Ids.withoutVersion("al-Abc123_xyz")).as("not hex").isEqualTo("al-Abc123_xyz");
        assertThat(Ids.withoutVersion("_1f")).as("no id before it").isEqualTo("_1f");
        assertThat(Ids.withoutVersion("al-A_12345678901234567")).as("longer than a long").isEqualTo("al-A_12345678901234567");
        assertThat(Ids.withoutVersion(null)).isNull();
    }
}
