package dev.minstrel.ingest.request;

import dev.minstrel.ingest.IngestFixture;
import dev.minstrel.ingest.Requester;
import dev.minstrel.ingest.fake.FakeTools;
import dev.minstrel.ingest.job.JobState;
import dev.minstrel.library.fixtures.AudioFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Friends without the ingest grant ask for music; the owner approves (the tracks land) or declines
 * with a reason. Over the real job runner, library and database, with the fake spotDL.
 */
class RequestsTest {

    private static final Requester LISTENER = new Requester("listener-1", false, false);
    private static final Requester OTHER_LISTENER = new Requester("listener-2", false, false);
    private static final String ALBUM = "https://open.spotify.com/album/1DFixLWuPkv3KT3TnV35m3";
    private static final String TRACK = "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC";

    private static RequestService requests(IngestFixture ingest, int maxPending) {
        return new RequestService(new RequestStore(DatabaseClient.create(ingest.database)), ingest.store, ingest.events,
                ingest.service, ingest.library, Clock.systemUTC(), maxPending);
    }

    private static RequestView ask(RequestService requests, Requester who, String url, String note) {
        RequestService.Asked asked = requests.ask(who, who.userId(), url, note).block();
        assertThat(asked).isInstanceOf(RequestService.Requested.class);
        return ((RequestService.Requested) asked).request();
    }

    private static RequestView awaitState(RequestService requests, Requester who, String id, String state) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        RequestView view = requests.find(who, id).block();
        while (!view.state().equals(state)) {
            assertThat(System.nanoTime()).as("request %s reaches %s; it is %s", id, state, view).isLessThan(deadline);
            sleep();
            view = requests.find(who, id).block();
        }
        return view;
    }

    @Test
    void anApprovedRequestDownloadsTheAlbumAndTheFriendSeesItDone(@TempDir Path dir) {
        try (IngestFixture ingest = IngestFixture.start(dir, new FakeTools(dir).install(true, false))) {
            RequestService requests = requests(ingest, 5);
            RequestView asked = ask(requests, LISTENER, ALBUM + "?si=share", "the one with the piano");

            assertThat(asked.state()).isEqualTo("pending");
            assertThat(asked.url()).isEqualTo(ALBUM);
            assertThat(asked.note()).isEqualTo("the one with the piano");
            assertThat(asked.requestedBy()).isEqualTo("listener-1");
            assertThat(asked.job()).isNull();
            assertThat(ingest.store.page(null, 0, 10).block().total()).as("nothing downloads before approval").isZero();
            assertThat(requests.list(IngestFixture.OWNER, 0, 50).block()).extracting(RequestView::id).containsExactly(asked.id());

            RequestView approved = requests.approve(IngestFixture.OWNER, asked.id()).block();
            assertThat(approved.state()).isEqualTo("approved");
            assertThat(approved.job().state()).isIn("queued", "running");

            RequestView done = awaitState(requests, LISTENER, asked.id(), "done");
            assertThat(done.job().state()).isEqualTo("succeeded");
            assertThat(done.job().items()).hasSize(3).allSatisfy(item -> {
                assertThat(item.trackId()).isNotNull();
                assertThat(ingest.library.catalogue().track(item.trackId())).isPresent();
            });
            assertThat(requests.approve(IngestFixture.OWNER, asked.id()).block().state())
                    .as("approving twice answers it as it is").isEqualTo("done");
        }
    }

    @Test
    void theFriendFollowsTheirRequestsLiveAndSeesNobodyElses(@TempDir Path dir) {
        try (IngestFixture ingest = IngestFixture.start(dir, new FakeTools(dir).install(true, false))) {
            RequestService requests = requests(ingest, 5);
            String earlier = ask(requests, LISTENER, TRACK, "from before").id();
            List<RequestView> seen = new CopyOnWriteArrayList<>();
            List<RequestView> ownerSaw = new CopyOnWriteArrayList<>();
            Disposable friend = requests.events(LISTENER).subscribe(seen::add);
            Disposable owner = requests.events(IngestFixture.OWNER).subscribe(ownerSaw::add);
            try {
                String id = ask(requests, LISTENER, ALBUM, null).id();
                String others = ask(requests, OTHER_LISTENER, "https://open.spotify.com/album/2222222222222222222222", null).id();
                requests.approve(IngestFixture.OWNER, id).block();
                requests.decline(IngestFixture.OWNER, earlier, "Already on the album you asked for").block();

                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (seen.stream().noneMatch(v -> v.id().equals(id) && v.state().equals("done"))) {
                    assertThat(System.nanoTime()).as("the friend sees the request done: %s", seen).isLessThan(deadline);
                    sleep();
                }
                assertThat(seen.get(0)).as("the snapshot first").satisfies(v -> {
                    assertThat(v.id()).isEqualTo(earlier);
                    assertThat(v.state()).isEqualTo("pending");
                });
                assertThat(seen).filteredOn(v -> v.id().equals(id)).extracting(RequestView::state)
                        .contains("pending", "approved", "done");
                assertThat(seen).filteredOn(v -> v.id().equals(id) && v.state().equals("approved"))
                        .anySatisfy(v -> assertThat(v.job().items()).anySatisfy(item -> assertThat(item.percent()).isBetween(1, 99)));
                assertThat(seen).anySatisfy(v -> {
                    assertThat(v.id()).isEqualTo(earlier);
                    assertThat(v.state()).isEqualTo("declined");
                    assertThat(v.reason()).isEqualTo("Already on the album you asked for");
                });
                assertThat(seen).extracting(RequestView::id).doesNotContain(others);
                assertThat(ownerSaw).extracting(RequestView::id).contains(earlier, id, others);
            } finally {
                friend.dispose();
                owner.dispose();
            }
        }
    }

    @Test
    void aDeclinedRequestTellsTheFriendWhyAndCannotBeApprovedAfterwards(@TempDir Path dir) {
        try (IngestFixture ingest = IngestFixture.start(dir, new FakeTools(dir).install(true, false))) {
            RequestService requests = requests(ingest, 5);
            String id = ask(requests, LISTENER, ALBUM, null).id();

            RequestView declined = requests.decline(IngestFixture.FRIEND, id, "We have the live version already").block();

            assertThat(declined.state()).isEqualTo("declined");
            RequestView seen = requests.find(LISTENER, id).block();
            assertThat(seen.state()).isEqualTo("declined");
            assertThat(seen.reason()).isEqualTo("We have the live version already");
            assertThat(seen.decidedAt()).isNotNull();
            assertThatThrownBy(() -> requests.approve(IngestFixture.OWNER, id).block())
                    .isInstanceOfSatisfying(RequestRefusedException.class,
                            e -> assertThat(e.kind()).isEqualTo(RequestRefusedException.Kind.ALREADY_DECIDED));
            assertThat(ingest.store.page(null, 0, 10).block().total()).isZero();
            assertThat(ask(requests, LISTENER, ALBUM, "please?").id()).as("a declined link may be asked for again")
                    .isNotEqualTo(id);
        }
    }

    @Test
    void aFriendSeesOnlyTheirOwnRequestsAndDecidersSeeAll(@TempDir Path dir) {
        try (IngestFixture ingest = IngestFixture.start(dir, new FakeTools(dir).install(true, false))) {
            RequestService requests = requests(ingest, 5);
            String mine = ask(requests, LISTENER, ALBUM, null).id();
            String theirs = ask(requests, OTHER_LISTENER, TRACK, null).id();

            assertThat(requests.find(OTHER_LISTENER, mine).blockOptional()).isEmpty();
            assertThat(requests.list(LISTENER, 0, 50).block()).extracting(RequestView::id).containsExactly(mine);
            assertThat(requests.list(IngestFixture.FRIEND, 0, 50).block()).extracting(RequestView::id)
                    .containsExactly(theirs, mine);
        }
    }

    @Test
    void aFriendHasAtMostTheLimitOfPendingRequestsAndAskingTwiceIsOneRequest(@TempDir Path dir) {
        try (IngestFixture ingest = IngestFixture.start(dir, new FakeTools(dir).install(true, false))) {
            RequestService requests = requests(ingest, 2);
            String first = ask(requests, LISTENER, ALBUM, null).id();
            RequestService.Requested again = (RequestService.Requested) requests.ask(LISTENER, "listener-1",
                    "spotify:album:1DFixLWuPkv3KT3TnV35m3", "again").block();
            assertThat(again.created()).isFalse();
            assertThat(again.request().id()).isEqualTo(first);
            ask(requests, LISTENER, TRACK, null);

            assertThatThrownBy(() -> requests.ask(LISTENER, "listener-1",
                    "https://open.spotify.com/playlist/37i9dQZF1DXcBWIGoYBM5M", null).block())
                    .isInstanceOfSatisfying(RequestRefusedException.class, e -> {
                        assertThat(e.kind()).isEqualTo(RequestRefusedException.Kind.TOO_MANY_PENDING);
                        assertThat(e.getMessage()).isEqualTo(
                                "You already have 2 requests waiting (at most 2); wait until the owner has answered some of them.");
                    });
            assertThat(ask(requests, OTHER_LISTENER, ALBUM, null).state()).as("the limit is per friend").isEqualTo("pending");

            requests.decline(IngestFixture.OWNER, first, "not now").block();
            assertThat(ask(requests, LISTENER, "https://open.spotify.com/playlist/37i9dQZF1DXcBWIGoYBM5M", null).state())
                    .isEqualTo("pending");
        }
    }

    @Test
    void musicAlreadyInTheLibraryIsAnsweredWithItsTracksInsteadOfARequest(@TempDir Path dir) throws IOException {
        AudioFixtures.mp3(dir.resolve("music/Someone/Something/01 - Already Here.mp3")).title("Already Here")
                .artist("Someone").album("Something").sourceUrl(TRACK).seconds(3).write();
        try (IngestFixture ingest = IngestFixture.start(dir, new FakeTools(dir).install(true, false))) {
            RequestService requests = requests(ingest, 5);

            RequestService.Asked track = requests.ask(LISTENER, "listener-1", TRACK + "?si=x", null).block();
            assertThat(track).isInstanceOfSatisfying(RequestService.AlreadyInLibrary.class, present ->
                    assertThat(present.tracks()).extracting(t -> t.title()).containsExactly("Already Here"));

            assertThat(ingest.awaitFinal(ingest.submit(ALBUM).id()).state()).isEqualTo(JobState.SUCCEEDED);
            RequestService.Asked album = requests.ask(LISTENER, "listener-1", ALBUM, null).block();
            assertThat(album).isInstanceOfSatisfying(RequestService.AlreadyInLibrary.class, present ->
                    assertThat(present.tracks()).hasSize(3).allSatisfy(t -> assertThat(t.album()).isEqualTo("Album 1DFixL")));
            assertThat(requests.list(IngestFixture.OWNER, 0, 50).block()).isEmpty();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
