package dev.minstrel.server.api.health;

import dev.minstrel.server.api.health.HealthController.Check;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How the checks add up to one status. */
class HealthControllerTest {

    private static final Check DATABASE_UP = Check.up("database", "answers");
    private static final Check DISK_UP = Check.up("diskSpace", "plenty");

    @Test
    void upWhenEveryCheckIsUp() {
        assertThat(HealthController.overall(List.of(DATABASE_UP, DISK_UP))).isEqualTo("up");
    }

    @Test
    void degradedWhenAnythingButTheDatabaseIsNotUp() {
        Check noSpotdl = new Check("spotdl", "down", "not found", "install it");
        Check diskLow = new Check("diskSpace", "degraded", "100 MB free", "free space");
        assertThat(HealthController.overall(List.of(DATABASE_UP, noSpotdl))).isEqualTo("degraded");
        assertThat(HealthController.overall(List.of(DATABASE_UP, diskLow))).isEqualTo("degraded");
    }

    @Test
    void downWhenTheDatabaseDoesNotAnswer() {
        Check databaseDown = new Check("database", "down", "does not answer", "see the log");
        assertThat(HealthController.overall(List.of(databaseDown, DISK_UP))).isEqualTo("down");
    }
}
