package dev.minstrel.analytics;

import dev.minstrel.analytics.listen.ListenRules;
import dev.minstrel.library.catalogue.Catalogue;
import dev.minstrel.library.catalogue.Track;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** The analytics module over a fresh database, a test clock and a small catalogue. */
public final class AnalyticsFixture implements AutoCloseable {

    /** the server's zone in tests: UTC, so only listeners who set a zone see local times move */
    public static final ZoneId SERVER_ZONE = ZoneOffset.UTC;

    public final TestDatabase database;
    public final MutableClock clock;
    public final AtomicReference<Catalogue> catalogue;
    public final Analytics analytics;

    public AnalyticsFixture(Path dir, Instant now, List<Track> tracks) {
        database = new TestDatabase(dir);
        clock = new MutableClock(now, SERVER_ZONE);
        catalogue = new AtomicReference<>(TestTracks.catalogue(tracks));
        analytics = Analytics.create(database.client(), catalogue::get, SERVER_ZONE, ListenRules.DEFAULTS, clock);
    }

    @Override
    public void close() {
        database.close();
    }
}
