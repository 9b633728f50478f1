package dev.minstrel.compat.web;

import dev.minstrel.compat.PackagedServer;
import dev.minstrel.compat.SubsonicClient;
import dev.minstrel.ingest.fake.FakeTools;
import dev.minstrel.library.fixtures.LibraryGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web page in a real browser against the packaged jar, with the fake spotDL: the issue's
 * scenario end to end (invite, join, connect an app; add an album from a link, play it, seek, see
 * the listen in the stats; a curated playlist reaches a friend's app; a friend asks for an album and
 * the owner approves it), then every page audited with
 * axe-core and photographed at 360 and 1280 px. One server and one browser for the whole class;
 * the tests run in order and build on each other, as a person's afternoon would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebPageIT {

    static final String ALBUM_LINK = "https://open.spotify.com/album/4aawyAB9vmqN3uQ7FjRGTy";
    static final String FRIEND = "sam";
    static final String FRIEND_PASSWORD = "sams-secret-1";
    /** The fake's tracks: shorter than 30 s, so a listen is a play to the end (the real rule for short tracks). */
    static final int TRACK_SECONDS = 8;

    static Path dir;
    static PackagedServer server;
    static Browser browser;
    static final Map<String, String> pages = new LinkedHashMap<>();
    static String friendApiKey;
    static String inviteLink;
    static String albumPath;

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createTempDirectory("minstrel-web-");
        Path music = dir.resolve("music");
        LibraryGenerator.generate(music, 60, 20261203L);
        FakeTools fakes = new FakeTools(dir).env("FAKE_SPOTDL_AUDIO_SECONDS", Integer.toString(TRACK_SECONDS)).install(true, true);
        server = PackagedServer.start(music, dir.resolve("data"), Map.of(
                "PATH", fakes.searchPath(),
                "MINSTREL_LIBRARY_WATCH", "false",
                "MINSTREL_LIBRARY_SCAN_INTERVAL", "0",
                "MINSTREL_INGEST_RETRY_BACKOFF", "1s",
                "MINSTREL_INGEST_WATCH_TICK", "1s"));
        browser = new Browser(server, dir.resolve("chromium-profile"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void signingInIsKeyboardFriendlyAndTheFirstPageIsLight() {
        browser.open("/");
        assertThat(browser.heading()).isEqualTo("Minstrel");
        assertThat(browser.focused()).as("the username field has the focus at once").startsWith("input#username");
        browser.type("#username", PackagedServer.OWNER);
        browser.tab();
        assertThat(browser.focused()).startsWith("input#password");
        browser.driver.switchTo().activeElement().sendKeys(PackagedServer.OWNER_PASSWORD);
        browser.tab();
        assertThat(browser.focused()).isEqualTo("button:Sign in");
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.await(d -> browser.heading().startsWith("Hello"));
        browser.awaitPage();

        // the first page after sign-in, as a phone with an empty cache loads it
        browser.clearCache();
        browser.open("/");
        browser.find("#new-h");
        browser.settle();
        long bytes = (Long) browser.js("""
                const all = [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')];
                return all.reduce((sum, e) => sum + (e.transferSize || 0), 0);""");
        long count = (Long) browser.js("return performance.getEntriesByType('resource').length + 1;");
        System.out.printf("first page after sign-in: %d bytes transferred in %d responses%n", bytes, count);
        writeMetric("first-page-bytes", bytes + " bytes in " + count + " responses");
        assertThat(bytes).as("bytes transferred for the first page after sign-in").isPositive().isLessThanOrEqualTo(150 * 1024);
        assertThat(browser.all("nav#nav a")).extracting(WebElement::getText)
                .containsExactly("Home", "Library", "Playlists", "Stats", "Add music", "Circle", "Me");
    }

    @Test
    @Order(2)
    void aFriendJoinsFromAnInviteLinkAndConnectsAnApp() {
        browser.open("/circle");
        browser.type("#invite-note", "for Sam");
        browser.clickButton("Create invite link");
        inviteLink = browser.find("#invite-link").getText();
        assertThat(inviteLink).startsWith(server.uri("/join/").toString());
        WebElement qr = browser.find("#new-invite img.qr");
        browser.await(d -> (Boolean) browser.js("return arguments[0].complete && arguments[0].naturalWidth > 0;", qr));
        pages.put("circle-invites", "/circle");

        browser.signOut();
        browser.driver.get(inviteLink);
        browser.awaitPage();
        assertThat(browser.heading()).isEqualTo("Join Minstrel");
        assertThat(browser.find("#owner-sees").getText()).as("before making an account, what the owner sees")
                .isEqualTo("The owner of this server can see every user’s listening stats and listens, whatever you "
                        + "choose: the owner runs the server and its database.");
        assertThat(browser.find("#friends-see-default").getText()).startsWith("Friends see nothing of your listening");
        pages.put("join", URI.create(inviteLink).getPath());
        browser.screenshots("join");
        assertNoSeriousViolations("join");
        browser.type("#username", FRIEND);
        browser.type("#password", FRIEND_PASSWORD);
        browser.type("#again", FRIEND_PASSWORD + Keys.ENTER);
        browser.await(d -> browser.heading().startsWith("You are in"));
        pages.put("welcome", "/welcome");

        browser.find("a[href='/connect']").click();
        browser.await(d -> browser.heading().equals("Connect an app"));
        assertThat(browser.find("#server-address").getText()).isEqualTo(server.uri("").toString());
        browser.clickButton("Make an API key");
        friendApiKey = browser.find("#api-key").getText();
        JsonNode ping = rest("ping", Map.of("apiKey", friendApiKey));
        assertThat(ping.path("status").asString()).as("the key shown on the connect page works on /rest").isEqualTo("ok");

        browser.signOut();
        browser.driver.get(inviteLink);
        browser.awaitPage();
        assertThat(browser.find("main .notice").getText()).contains("already been used");
    }

    @Test
    @Order(3)
    void theOwnerAddsAnAlbumFromALinkAndEveryTrackArrives() {
        browser.signIn(PackagedServer.OWNER, PackagedServer.OWNER_PASSWORD);
        browser.find("nav#nav a[href='/add']").click();
        browser.await(d -> browser.heading().equals("Add music"));
        browser.type("#links", ALBUM_LINK);
        browser.clickButton("Add");
        WebElement job = browser.find(".job");
        assertThat(job.getText()).contains(ALBUM_LINK);
        browser.await(Duration.ofSeconds(90), d -> {
            List<WebElement> bars = browser.all(".job .item progress");
            return bars.size() == 3 && bars.stream().allMatch(bar -> "100".equals(bar.getDomProperty("value")))
                    && browser.find(".job").getAttribute("data-state").equals("succeeded");
        });
        assertThat(browser.find(".job .badge").getText()).isEqualTo("Done");
        pages.put("add", "/add");

        browser.find(".job .item a").click();
        browser.await(d -> browser.driver.getCurrentUrl().contains("/albums/"));
        browser.awaitPage();
        albumPath = URI.create(browser.driver.getCurrentUrl()).getPath();
        assertThat(browser.all("main .track .name")).extracting(WebElement::getText)
                .containsExactly("Track 1 of 4aawyA", "Track 2 of 4aawyA", "Track 3 of 4aawyA");
    }

    @Test
    @Order(4)
    void aTrackPlaysInTheBrowserSeekingUsesRangesAndAPlayThroughCountsInTheStats() {
        browser.open(albumPath);
        browser.responses().clear();
        browser.find("main .track button[aria-label='Play Track 1 of 4aawyA']").click();
        browser.await(d -> (Boolean) browser.js("const a = document.querySelector('#player audio'); return a && a.currentTime > 0.3 && !a.paused;"));
        assertThat(browser.find("#player .now a").getText()).isEqualTo("Track 1 of 4aawyA");

        // seek to three quarters with the player's slider, as a drag ends; the server also counts a
        // play by the wall time from its now-playing to the next one, so the skip must stay well
        // short of the track's 8 s even on a loaded machine
        double before = (Double) browser.js("return document.querySelector('#player audio').currentTime;");
        browser.js("const s = document.querySelector('#player input[aria-label=Seek]'); s.value = String(Math.floor(s.max * 3 / 4));"
                + " s.dispatchEvent(new Event('change'));");
        double after = ((Number) browser.await(d -> browser.js(
                "const a = document.querySelector('#player audio'); return a.currentTime >= " + (TRACK_SECONDS * 3 / 4 - 0.5) + " ? a.currentTime : null;"))).doubleValue();
        assertThat(after).isGreaterThan(before + 2);
        List<JsonNode> streams = browser.responses().stream().filter(r -> r.path("url").asString().contains("/rest/stream")).toList();
        assertThat(streams).as("stream responses").isNotEmpty();
        assertThat(streams).anySatisfy(r -> {
            assertThat(r.path("status").asInt()).isEqualTo(206);
            assertThat(headerOf(r, "content-range")).startsWith("bytes ");
        });

        // track 1 was skipped to its last quarter: not a listen; track 2 plays to its end: a listen
        browser.await(Duration.ofSeconds(30), d -> "Track 3 of 4aawyA".equals(browser.find("#player .now a").getText()));
        browser.driver.findElement(org.openqa.selenium.By.tagName("body")).sendKeys("k");
        browser.await(d -> (Boolean) browser.js("return document.querySelector('#player audio').paused;"));
        assertThat(browser.find("#player button[aria-label=Play]").isDisplayed()).as("the K shortcut paused").isTrue();

        browser.find("nav#nav a[href='/stats']").click();
        browser.await(d -> browser.heading().equals("Your listening"));
        browser.find("#days-chart canvas");
        browser.find("#weeks-chart canvas");
        assertThat(browser.find(".panels .stat").getText()).isEqualTo("1");
        String tops = browser.find(".panels ol.top").getText();
        assertThat(tops).contains("Track 2 of 4aawyA").doesNotContain("Track 1 of 4aawyA");
        long today = (Long) browser.js("const rows = document.querySelectorAll('#days-chart ~ details tbody tr');"
                + " return Number(rows[rows.length - 1].children[1].textContent);");
        assertThat(today).as("today's bar").isEqualTo(1);
        pages.put("stats", "/stats");
        pages.put("album", albumPath);
    }

    @Test
    @Order(5)
    void aStreamQualityChosenOnMePlaysTheNextSongsUnderThatLimit() {
        browser.open("/me");
        browser.js("const s = document.querySelector('#stream-quality'); s.value = '64'; s.dispatchEvent(new Event('change'));");
        browser.await(d -> browser.find("#stream-quality ~ p[role=status]").getText().contains("64 kbit/s"));
        browser.open(albumPath);
        browser.find("main .track button[aria-label='Play Track 2 of 4aawyA']").click();
        browser.await(d -> (Boolean) browser.js("const a = document.querySelector('#player audio'); return a && a.currentTime > 0.3 && !a.paused;"));
        String src = (String) browser.js("return document.querySelector('#player audio').src;");
        assertThat(src).contains("maxBitRate=64", "format=mp3");

        browser.open("/me");
        assertThat((String) browser.js("return document.querySelector('#stream-quality').value;")).as("kept in this browser").isEqualTo("64");
        assertThat(browser.find("#owner-sees").getText()).as("Me says what the join page said")
                .startsWith("The owner of this server can see every user’s listening stats and listens");
        browser.js("const s = document.querySelector('#stream-quality'); s.value = '0'; s.dispatchEvent(new Event('change'));");
        browser.js("document.querySelector('#player button[aria-label=Pause]')?.click();");
    }

    @Test
    @Order(5)
    void theQueueIsSavedAsAPlaylistInItsOrder() {
        browser.open(albumPath);
        browser.click("#player button[aria-controls=queue]");
        List<String> queued = browser.all("#queue .tracks .name").stream().map(e -> e.getText()).toList();
        assertThat(queued).as("the album is the queue").hasSizeGreaterThanOrEqualTo(3);
        browser.clickButton("Save as playlist");
        browser.type("#new-playlist-name", "From the queue");
        browser.clickButton("Create and add");
        browser.await(d -> ((String) browser.js("return document.getElementById('live').textContent;"))
                .contains("Added to From the queue"));
        browser.click("#player button[aria-controls=queue]");

        JsonNode saved = null;
        Map<String, String> owner = Map.of("u", PackagedServer.OWNER, "p", PackagedServer.OWNER_PASSWORD);
        for (JsonNode playlist : rest("getPlaylists", owner).path("playlists").path("playlist")) {
            if (playlist.path("name").asString().equals("From the queue")) {
                saved = playlist;
            }
        }
        assertThat(saved).as("the owner's apps see the saved queue").isNotNull();
        Map<String, String> byId = new LinkedHashMap<>(owner);
        byId.put("id", saved.path("id").asString());
        List<String> titles = new java.util.ArrayList<>();
        rest("getPlaylist", byId).path("playlist").path("entry").forEach(e -> titles.add(e.path("title").asString()));
        assertThat(titles).isEqualTo(queued);
    }

    @Test
    @Order(6)
    void theOwnerCuratesAPlaylistThatAFriendSeesInTheirApp() {
        browser.open("/playlists");
        browser.type("#playlist-name", "Road trip");
        browser.type("#playlist-comment", "For the long drive");
        browser.clickButton("Create");
        browser.await(d -> browser.heading().equals("Road trip"));
        for (String title : List.of("Track 1 of 4aawyA", "Track 3 of 4aawyA")) {
            browser.type("#playlist-search", title);
            browser.click("button[aria-label='Add " + title + "']");
            browser.await(d -> browser.all("main > div .tracks .name").stream().anyMatch(e -> e.getText().equals(title)));
        }
        // reorder by keyboard: the move button keeps the focus on the moved row
        browser.press("button[aria-label='Move Track 1 of 4aawyA down']", Keys.ENTER);
        browser.await(d -> browser.all("main > div .tracks .name").get(0).getText().equals("Track 3 of 4aawyA"));
        assertThat(browser.focused()).contains("Track 1 of 4aawyA");
        pages.put("playlist", URI.create(browser.driver.getCurrentUrl()).getPath());
        pages.put("playlists", "/playlists");

        JsonNode playlists = rest("getPlaylists", Map.of("apiKey", friendApiKey));
        JsonNode roadTrip = null;
        for (JsonNode playlist : playlists.path("playlists").path("playlist")) {
            if (playlist.path("name").asString().equals("Road trip")) {
                roadTrip = playlist;
            }
        }
        assertThat(roadTrip).as("the friend's app sees the public playlist").isNotNull();
        assertThat(roadTrip.path("songCount").asInt()).isEqualTo(2);
        JsonNode entries = rest("getPlaylist", Map.of("apiKey", friendApiKey, "id", roadTrip.path("id").asString()))
                .path("playlist").path("entry");
        assertThat(List.of(entries.get(0).path("title").asString(), entries.get(1).path("title").asString()))
                .containsExactly("Track 3 of 4aawyA", "Track 1 of 4aawyA");
    }

    @Test
    @Order(7)
    void searchAsYouTypeIsKeyboardNavigable() {
        browser.open("/");
        browser.driver.findElement(org.openqa.selenium.By.tagName("body")).sendKeys("/");
        assertThat(browser.focused()).startsWith("input#search-box");
        browser.driver.switchTo().activeElement().sendKeys("4aawyA");
        browser.find("#search-results li[role=option]");
        browser.driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        String active = (String) browser.js("return document.getElementById('search-box').getAttribute('aria-activedescendant');");
        assertThat(active).isEqualTo("search-option-0");
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.await(d -> browser.driver.getCurrentUrl().contains("/artists/") || browser.driver.getCurrentUrl().contains("/albums/"));
        browser.awaitPage();
        browser.await(d -> browser.focused().startsWith("h1"));
        pages.put("artist", URI.create(browser.driver.getCurrentUrl()).getPath().startsWith("/artists/")
                ? URI.create(browser.driver.getCurrentUrl()).getPath() : firstArtistPath());
        pages.put("search", "/search?q=Track");
    }

    @Test
    @Order(8)
    void thePlayerKeyIsBoundToTheSessionAndEndsWithIt() {
        browser.open("/library");
        String src = (String) browser.js("const a = document.querySelector('#player audio'); return a ? a.src : null;");
        assertThat(src).as("the player restored the queue").isNotNull();
        String key = URI.create(src).getRawQuery().replaceAll(".*apiKey=([^&]+).*", "$1");
        assertThat(key).startsWith("msp_");
        assertThat(rest("ping", Map.of("apiKey", key)).path("status").asString()).isEqualTo("ok");
        String ownKeys = (String) browser.js("return fetch('/api/me/api-keys').then(r => r.text());");
        assertThat(ownKeys).as("never listed among the user's own keys").doesNotContain(key.substring(0, 12));

        browser.signOut();
        JsonNode refused = rest("ping", Map.of("apiKey", key));
        assertThat(refused.path("status").asString()).isEqualTo("failed");
        assertThat(refused.path("error").path("code").asInt()).isEqualTo(44);
        browser.signIn(PackagedServer.OWNER, PackagedServer.OWNER_PASSWORD);
    }

    @Test
    @Order(9)
    void theToolsPanelShowsEveryHealthCheck() {
        browser.open("/circle/tools");
        browser.find("[data-check='diskSpace']");
        assertThat(browser.all("[data-check]").stream().map(e -> e.getAttribute("data-check")))
                .containsExactlyInAnyOrder("spotdl", "ytDlp", "ffmpeg", "database", "musicFolder", "ingestQueue", "diskSpace");
        assertThat(browser.find("[data-check='spotdl']").getText()).contains("spotDL").contains("found");
        assertThat(browser.find("[data-check='database']").getText()).contains("Database").contains("ok");
        assertNoSeriousViolations("tools");
    }

    @Test
    @Order(10)
    void theOwnerSetsAStreamingProfileThatTheFriendsAppFollows() throws Exception {
        browser.open("/circle/streaming");
        browser.await(d -> !browser.all("#profile-user option[value='" + FRIEND + "']").isEmpty());
        browser.js("document.querySelector('#profile-user').value = arguments[0];"
                + " document.querySelector('#profile-format').value = 'opus';"
                + " document.querySelector('#profile-rate').value = '64';", FRIEND);
        browser.type("#profile-client", "Symfonium");
        // Enter in the form submits it, as a keyboard user would (the player bar covers the button's spot)
        browser.press("#profile-client", Keys.ENTER);
        browser.await(d -> !browser.all("li[data-profile]").isEmpty());
        assertThat(browser.find("li[data-profile]").getText()).contains(FRIEND).contains("Symfonium").contains("Opus")
                .contains("64 kbit/s");
        assertNoSeriousViolations("streaming");
        pages.put("streaming", "/circle/streaming");

        // the friend's Symfonium asks for a song plainly and gets Opus; another app gets the file
        String song = rest("search3", Map.of("apiKey", friendApiKey, "query", "Track 2 of 4aawyA"))
                .path("searchResult3").path("song").get(0).path("id").asString();
        assertThat(streamType(song, "Symfonium")).isEqualTo("audio/ogg");
        assertThat(streamType(song, "DSub")).isEqualTo("audio/mpeg");

        browser.press("li[data-profile] button.danger", Keys.ENTER);
        browser.await(d -> browser.all("li[data-profile]").isEmpty());
        assertThat(streamType(song, "Symfonium")).isEqualTo("audio/mpeg");
    }

    private static String streamType(String songId, String client) throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri(
                "/rest/stream?v=1.16.1&c=" + client + "&apiKey=" + friendApiKey + "&id=" + songId)).build(),
                HttpResponse.BodyHandlers.discarding());
        return response.headers().firstValue("Content-Type").orElse("");
    }

    @Test
    @Order(11)
    void aFriendAsksForAnAlbumTheOwnerApprovesAndTheFriendSeesItArrive() {
        String link = "https://open.spotify.com/album/7aawyAB9vmqN3uQ7FjRGTy";
        browser.signOut();
        browser.signIn(FRIEND, FRIEND_PASSWORD);
        assertThat(browser.all("nav#nav a")).extracting(WebElement::getText)
                .containsExactly("Home", "Library", "Playlists", "Stats", "Ask for music", "Me");
        browser.click("nav#nav a[href='/requests']");
        browser.await(d -> browser.heading().equals("Ask for music"));
        browser.type("#request-url", link);
        browser.type("#request-note", "the whole album, please");
        browser.clickButton("Ask");
        browser.await(d -> browser.find("li[data-request]").getAttribute("data-state").equals("pending"));
        assertThat(browser.find("li[data-request]").getText()).contains(link).contains("Waiting for the owner")
                .contains("the whole album, please");

        browser.signOut();
        browser.signIn(PackagedServer.OWNER, PackagedServer.OWNER_PASSWORD);
        browser.open("/add");
        WebElement request = browser.find("li[data-request][data-state='pending']");
        assertThat(request.getText()).contains(link).contains(FRIEND);
        browser.clickButton("Approve");
        browser.await(Duration.ofSeconds(90), d -> !browser.all("li[data-request][data-state='done']").isEmpty());

        browser.signOut();
        browser.signIn(FRIEND, FRIEND_PASSWORD);
        browser.open("/requests");
        browser.await(d -> !browser.all("li[data-request][data-state='done']").isEmpty());
        assertThat(browser.find("li[data-request]").getText()).contains("In the library").contains("3 of 3 songs");
        pages.put("requests", "/requests");

        browser.signOut();
        browser.signIn(PackagedServer.OWNER, PackagedServer.OWNER_PASSWORD);
    }

    @Test
    @Order(12)
    void theOwnerWatchesAPlaylistWhoseMirrorEveryAppSeesReadOnly() {
        String link = "https://open.spotify.com/playlist/5aawyAB9vmqN3uQ7FjRGTy";
        browser.open("/add");
        browser.type("#watch-url", link);
        // keys rather than clicks here: the player bar covers the bottom of the page, where a click scrolls to
        browser.press("#watch-url", Keys.ENTER);
        browser.await(Duration.ofSeconds(90), d -> !browser.all("li[data-watch][data-state='watching']").isEmpty()
                && browser.find("li[data-watch]").getText().contains("3 songs"));
        assertThat(browser.find("li[data-watch]").getText()).contains(link).contains("Watching").contains("checked");
        assertNoSeriousViolations("add, with a watched playlist");

        browser.press("li[data-watch] strong a", Keys.ENTER);
        browser.await(d -> browser.driver.getCurrentUrl().contains("/playlists/"));
        browser.awaitPage();
        String playlistPath = URI.create(browser.driver.getCurrentUrl()).getPath();
        assertThat(browser.all("main .track .name")).hasSize(3);
        assertThat(browser.all("main .track button[aria-label^='Remove']")).as("a mirror offers no edits").isEmpty();
        pages.put("watched-playlist", playlistPath);
        String playlistId = playlistPath.substring("/playlists/".length());
        Map<String, String> owner = Map.of("u", PackagedServer.OWNER, "p", PackagedServer.OWNER_PASSWORD);
        JsonNode listed = null;
        for (JsonNode playlist : rest("getPlaylists", owner).path("playlists").path("playlist")) {
            listed = playlist.path("id").asString().equals(playlistId) ? playlist : listed;
        }
        assertThat(listed).as("the mirror in getPlaylists").isNotNull();
        assertThat(listed.path("readonly").asBoolean()).isTrue();
        assertThat(listed.path("songCount").asInt()).isEqualTo(3);
        Map<String, String> rename = new LinkedHashMap<>(owner);
        rename.put("playlistId", playlistId);
        rename.put("name", "Mine");
        assertThat(rest("updatePlaylist", rename).path("error").path("code").asInt()).isEqualTo(50);

        browser.open("/add");
        browser.press("li[data-watch] button[data-keep]", Keys.ENTER);
        browser.await(d -> browser.all("li[data-watch]").isEmpty());
        assertThat(rest("updatePlaylist", rename).path("status").asString())
                .as("kept as an ordinary playlist, the owner's to change").isEqualTo("ok");
    }

    @Test
    @Order(13)
    void everyPageIsAccessibleFitsAPhoneAndIsPhotographed() {
        pages.put("home", "/");
        pages.put("library", "/library");
        pages.put("artists", "/library/artists");
        pages.put("stats-server", "/stats/server");
        pages.put("circle-users", "/circle/users");
        pages.put("circle-library", "/circle/library");
        pages.put("circle-tools", "/circle/tools");
        pages.put("me", "/me");
        pages.put("connect", "/connect");
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            if (page.getKey().equals("join")) {
                continue;
            }
            browser.open(page.getValue());
            browser.settle();
            problems.addAll(browser.seriousAccessibilityViolations().stream().map(v -> page.getKey() + ": " + v).toList());
            browser.screenshots(page.getKey());
        }
        browser.signOut();
        problems.addAll(browser.seriousAccessibilityViolations().stream().map(v -> "signin: " + v).toList());
        browser.screenshots("signin");
        assertThat(problems).as("serious or critical axe-core violations").isEmpty();
    }

    private void assertNoSeriousViolations(String page) {
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on " + page).isEmpty();
    }

    private static String firstArtistPath() {
        browser.open("/library/artists");
        return URI.create(browser.find(".artists li a").getAttribute("href")).getPath();
    }

    private static String headerOf(JsonNode response, String name) {
        for (Map.Entry<String, JsonNode> header : response.path("headers").properties()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue().asString();
            }
        }
        return "";
    }

    private static JsonNode rest(String method, Map<String, String> params) {
        StringBuilder query = new StringBuilder("f=json&v=1.16.1&c=web-test");
        params.forEach((k, v) -> query.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(server.uri("/rest/" + method + "?" + query)).build(), HttpResponse.BodyHandlers.ofString());
            return SubsonicClient.parse(response.body()).path("subsonic-response");
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void writeMetric(String name, String value) {
        try {
            Path file = Path.of("target", "web-metrics.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, name + ": " + value + "\n", java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
